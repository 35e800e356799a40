import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachFiles } from '../../src/modules/files/attach-files.js';
import { collectUnusedContents } from '../../src/modules/files/collect-unused-contents.js';
import { deleteFilesOf } from '../../src/modules/files/delete-files-of.js';
import { filesOf } from '../../src/modules/files/files-of.js';
import { sweepFiles } from '../../src/modules/files/sweep-files.js';
import type { Actor } from '../../src/server/access.js';
import type { AppContext } from '../../src/server/context.js';
import { FILE_OWNERS } from '../../src/server/file-owners.js';
import { multipart } from '../support/files.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';
import { expertVisitFile } from './expert-visit-file.js';
import { docx, exe, jpg, pdf, png, workbook, zip } from './samples.js';

/** A kind of object for these tests only: readable by the city administrator and nobody else. */
const TEST_OWNER = 'test_report';

describe.each(DATABASE_KINDS)('attachments (附件) on %s', (kind) => {
  let h: Harness;
  let dataDir: string;
  let ctx: AppContext;
  let city: string;
  let rongchang: string;
  let yubei: string;
  let enterprise: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'zjtx-files-test-'));
    h = await startHarness(kind, { dataDir });
    ctx = { database: h.database, db: h.database.db, config: h.config };
    FILE_OWNERS[TEST_OWNER] = async (_db, actor) => actor.role === 'city_admin';
    [city, rongchang, yubei, enterprise] = await Promise.all(
      ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise'].map((u) => h.login(u)),
    );
  });
  afterAll(async () => {
    delete FILE_OWNERS[TEST_OWNER];
    await h?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const blobs = () => {
    const root = path.join(dataDir, 'files');
    if (!existsSync(root)) return [];
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  };
  const upload = async (cookie: string, bytes: Buffer, name: string, field = 'file') => {
    const body = await multipart(bytes, name, field);
    return h.app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...body.headers, cookie } });
  };
  const rows = () => h.count('select count(*) as n from files');
  const actorOf = async (username: string): Promise<Actor> => {
    const [u] = await h.database.query<{ id: string }>('select id from users where username = $1', [username]);
    return {
      userId: u.id,
      username,
      displayName: username,
      role: 'district_admin',
      districtCode: '500153',
      enterpriseId: null,
      organization: null,
    };
  };

  it('accepts PDF, JPG, PNG, XLSX and DOCX, typed from the bytes, and gives them back unchanged', async () => {
    const samples: [Buffer, string, string][] = [
      [pdf(), '走访记录.pdf', 'application/pdf'],
      [jpg(), '现场照片.jpeg', 'image/jpeg'],
      [png(), '证书.png', 'image/png'],
      [await workbook(), '企业清单.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [docx(), '服务报告.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ];
    for (const [bytes, name, type] of samples) {
      const response = await upload(rongchang, bytes, name);
      expect(response.statusCode, name).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ name, size: bytes.length, type });
      expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
      const download = await h.app.inject({ method: 'GET', url: `/api/files/${body.id}`, headers: { cookie: rongchang } });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(bytes)).toBe(true);
      expect(download.headers['content-type']).toBe(type);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
      const meta = await h.app.inject({ method: 'GET', url: `/api/files/${body.id}/meta`, headers: { cookie: rongchang } });
      expect(meta.json()).toEqual(body);
    }
  });

  it('refuses by the bytes, not the name: a PDF name with PE bytes, a zip, an exe, plain text — and writes nothing', async () => {
    const before = { rows: await rows(), blobs: blobs().length };
    for (const [bytes, name] of [
      [exe(), '申报材料.pdf'],
      [exe(), 'setup.exe'],
      [zip({ 'a.txt': 'hello' }), '材料.zip'],
      [zip({ 'a.txt': 'hello' }), '伪装.docx'],
      [Buffer.from('只是一段文字'), '说明.pdf'],
    ] as [Buffer, string][]) {
      const response = await upload(rongchang, bytes, name);
      expect(response.statusCode, name).toBe(400);
      expect(response.json()).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
      expect(response.json().message).toContain('只能上传 PDF、JPG、PNG、XLSX、DOCX');
    }
    expect(await rows()).toBe(before.rows);
    expect(blobs().length).toBe(before.blobs);
  });

  it('refuses a 0-byte file, a file over 20 MB (413), and a request without the file field', async () => {
    const before = await rows();
    const empty = await upload(rongchang, Buffer.alloc(0), '空.pdf');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'FILE_EMPTY' });

    // Exactly 20 MB is accepted; one byte more is not.
    const limit = 20 * 1024 * 1024;
    const big = Buffer.alloc(limit + 1, 0x20);
    pdf().copy(big);
    const tooLarge = await upload(rongchang, big, '大文件.pdf');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(tooLarge.json().message).toContain('20 MB');
    expect(await rows()).toBe(before);
    const atLimit = await upload(rongchang, big.subarray(0, limit), '刚好 20MB.pdf');
    expect(atLimit.statusCode).toBe(200);
    expect(atLimit.json().size).toBe(limit);

    const wrongField = await upload(rongchang, pdf(), 'a.pdf', 'attachment');
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json()).toMatchObject({ code: 'FILE_MISSING' });
    const notMultipart = await h.app.inject({ method: 'POST', url: '/api/files', payload: { file: 'x' }, headers: { cookie: rongchang } });
    expect(notMultipart.statusCode).toBe(400);
    expect(notMultipart.json()).toMatchObject({ code: 'FILE_MISSING' });
    // No staging file is left behind.
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('zjtx-upload-'))).toEqual([]);
  });

  it('keeps only a safe base name of a path in the name; the name never reaches the file system', async () => {
    for (const [name, kept] of [
      ['../../etc/passwd', 'passwd.pdf'],
      ['..\\..\\windows\\system32\\报告.pdf', '报告.pdf'],
      ['a\u0000b\u202Ec\t.pdf', 'abc.pdf'],
    ]) {
      const response = await upload(rongchang, pdf(name), name);
      expect(response.statusCode, name).toBe(200);
      expect(response.json().name).toBe(kept);
    }
    expect(existsSync(path.join(dataDir, '..', 'etc', 'passwd'))).toBe(false);
    // Every blob is named by its hash, nothing else.
    for (const b of blobs()) expect(b).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores the same bytes once: two uploads, two records, one content and one blob', async () => {
    const bytes = pdf('same content twice');
    const first = (await upload(rongchang, bytes, '一.pdf')).json();
    const blobsAfterFirst = blobs().length;
    const second = (await upload(yubei, bytes, '二.pdf')).json();
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect(await h.count('select count(*) as n from files where sha256 = $1', [first.sha256])).toBe(2);
    expect(await h.count('select count(*) as n from file_contents where sha256 = $1', [first.sha256])).toBe(1);
    expect(blobs().length).toBe(blobsAfterFirst);
    expect(blobs().filter((b) => b === first.sha256)).toHaveLength(1);
  });

  it('an unattached upload: the uploader downloads it, anyone else gets the 404 of an absent file, nobody logged out', async () => {
    const { id } = (await upload(rongchang, pdf('mine'), '我的.pdf')).json();
    const absent = await h.app.inject({
      method: 'GET',
      url: '/api/files/00000000-0000-4000-8000-000000000000',
      headers: { cookie: yubei },
    });
    expect(absent.statusCode).toBe(404);
    for (const cookie of [yubei, city, enterprise]) {
      for (const url of [`/api/files/${id}`, `/api/files/${id}/meta`]) {
        const response = await h.app.inject({ method: 'GET', url, headers: { cookie } });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toEqual(absent.json());
      }
    }
    const anonymous = await h.app.inject({ method: 'GET', url: `/api/files/${id}` });
    expect(anonymous.statusCode).toBe(401);
    const anonymousUpload = await h.app.inject({ method: 'POST', url: '/api/files', ...(await multipart(pdf(), 'a.pdf')) });
    expect(anonymousUpload.statusCode).toBe(401);
    const badId = await h.app.inject({ method: 'GET', url: '/api/files/not-a-uuid', headers: { cookie: rongchang } });
    expect(badId.statusCode).toBe(400);
  });

  it('attached: readable by whoever the owner module lets read the object (404 otherwise, the uploader too)', async () => {
    const { id } = (await upload(rongchang, pdf('attached'), '佐证材料.pdf')).json();
    const officer = await actorOf('rongchang.admin');
    await h.database.db.transaction((tx) => attachFiles(tx, officer, [id], { type: TEST_OWNER, id: 'report-1' }));
    expect(await filesOf(h.database.db, { type: TEST_OWNER, id: 'report-1' })).toMatchObject([{ id, name: '佐证材料.pdf' }]);
    // The owner check refuses the uploader (not a city administrator) and the other district.
    for (const cookie of [rongchang, yubei, enterprise]) {
      const response = await h.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: { cookie } });
      expect(response.statusCode).toBe(404);
    }
    const allowed = await h.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: { cookie: city } });
    expect(allowed.statusCode).toBe(200);
    expect(decodeURIComponent(String(allowed.headers['content-disposition']))).toContain('佐证材料.pdf');
  });

  it('attached to an expert visit: the expert, the enterprise and its district officer and the city read it; another district and another expert get 404', async () => {
    const { fileId, name, expert, demoEnterprise } = await expertVisitFile(h, (u) => h.login(u));
    const others = [yubei, await h.login('expert.002')];
    const readers = [expert, rongchang, city];
    (demoEnterprise ? readers : others).push(enterprise);
    const get = (cookie: string) => h.app.inject({ method: 'GET', url: `/api/files/${fileId}`, headers: { cookie } });
    for (const cookie of readers) {
      const response = await get(cookie);
      expect(response.statusCode).toBe(200);
      expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain(name);
    }
    const absent = await h.app.inject({
      method: 'GET',
      url: '/api/files/00000000-0000-4000-8000-000000000000',
      headers: { cookie: yubei },
    });
    for (const cookie of others) {
      const response = await get(cookie);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(absent.json());
    }
  });

  it('attachFiles refuses another user’s upload, an unknown id, an id attached elsewhere and an unknown owner kind', async () => {
    const mine = (await upload(rongchang, pdf('a1'), 'a1.pdf')).json().id;
    const theirs = (await upload(yubei, pdf('a2'), 'a2.pdf')).json().id;
    const officer = await actorOf('rongchang.admin');
    const attach = (ids: string[], ownerId = 'report-2', type = TEST_OWNER) =>
      h.database.db.transaction((tx) => attachFiles(tx, officer, ids, { type, id: ownerId }));
    await expect(attach([mine, theirs])).rejects.toMatchObject({ code: 'FILE_NOT_FOUND', status: 400, details: { fileIds: [theirs] } });
    // Nothing was attached: the transaction failed as a whole.
    expect(await filesOf(h.database.db, { type: TEST_OWNER, id: 'report-2' })).toEqual([]);
    await expect(attach(['00000000-0000-4000-8000-000000000000'])).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(attach(['../../etc'])).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(attach([mine], 'x', 'no_such_kind')).rejects.toMatchObject({ code: 'FILE_OWNER_UNKNOWN', status: 400 });
    await attach([mine]);
    // Saving the same object again with the same files is fine; attaching them to another object is not.
    await attach([mine]);
    await expect(attach([mine], 'report-3')).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('deleting an object’s files enqueues their collection; a blob goes only when no record refers to it', async () => {
    const shared = pdf('shared bytes');
    const a = (await upload(rongchang, shared, 'a.pdf')).json();
    const b = (await upload(rongchang, shared, 'b.pdf')).json();
    const only = (await upload(rongchang, pdf('only here'), 'c.pdf')).json();
    const officer = await actorOf('rongchang.admin');
    await h.database.db.transaction(async (tx) => {
      await attachFiles(tx, officer, [a.id, only.id], { type: TEST_OWNER, id: 'draft-1' });
      await attachFiles(tx, officer, [b.id], { type: TEST_OWNER, id: 'report-4' });
    });
    const jobsBefore = await h.count(`select count(*) as n from jobs where kind = 'files.collect'`);
    await h.database.db.transaction((tx) => deleteFilesOf(tx, { type: TEST_OWNER, id: 'draft-1' }));
    expect(await filesOf(h.database.db, { type: TEST_OWNER, id: 'draft-1' })).toEqual([]);
    expect(await h.count(`select count(*) as n from jobs where kind = 'files.collect'`)).toBe(jobsBefore + 1);
    // A deletion that rolls back enqueues nothing and deletes nothing.
    await expect(
      h.database.db.transaction(async (tx) => {
        await deleteFilesOf(tx, { type: TEST_OWNER, id: 'report-4' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await h.count(`select count(*) as n from jobs where kind = 'files.collect'`)).toBe(jobsBefore + 1);

    // (The queue's worker may run the job first: either way the outcome is the same.)
    await collectUnusedContents(ctx, { only: [a.sha256, only.sha256] });
    expect(blobs()).not.toContain(only.sha256);
    expect(blobs()).toContain(a.sha256);
    const still = await h.app.inject({ method: 'GET', url: `/api/files/${b.id}`, headers: { cookie: city } });
    expect(still.rawPayload.equals(shared)).toBe(true);
    const gone = await h.app.inject({ method: 'GET', url: `/api/files/${a.id}`, headers: { cookie: city } });
    expect(gone.statusCode).toBe(404);
    // Uploading bytes whose blob was collected stores them again.
    const again = (await upload(rongchang, pdf('only here'), 'c.pdf')).json();
    expect(blobs()).toContain(again.sha256);
  });

  it('the daily sweep removes uploads never attached after 24 hours (and their bytes), keeping attached ones', async () => {
    const stale = (await upload(yubei, pdf('stale upload'), '旧.pdf')).json();
    const fresh = (await upload(yubei, pdf('fresh upload'), '新.pdf')).json();
    const kept = (await upload(yubei, pdf('kept upload'), '留.pdf')).json();
    const officer = await actorOf('yubei.admin');
    await h.database.db.transaction((tx) => attachFiles(tx, officer, [kept.id], { type: TEST_OWNER, id: 'report-5' }));
    await h.database.query(`update files set created_at = now() - interval '25 hours' where id = any($1)`, [[stale.id, kept.id]]);
    const result = await sweepFiles(ctx);
    expect(result.uploads).toBeGreaterThanOrEqual(1);
    expect(await h.count('select count(*) as n from files where id = $1', [stale.id])).toBe(0);
    expect(await h.count('select count(*) as n from files where id = any($1)', [[fresh.id, kept.id]])).toBe(2);
    expect(blobs()).not.toContain(stale.sha256);
    expect(blobs()).toContain(kept.sha256);
    expect(blobs()).toContain(fresh.sha256);
  });
});
