import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/domain/uscc.js';
import { deleteExpiredImportFiles } from '../../src/modules/enterprises/import/import.repo.js';
import { type CellInput, multipart, xlsx } from '../support/files.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

const HEADERS = ['统一社会信用代码', '企业名称', '所属区县', '行业大类代码', '成立日期', '年度', '营业收入（万元）', '从业人员（人）'];
const code = (n: number) => makeUscc('500153', `QJ${String(n).padStart(6, '0')}`);
const row = (n: number): CellInput[] => [code(n), `重庆队列导入${n}号科技有限公司`, '荣昌区', '39', '2016-05-01', 2025, '1500', 60];
const DAY = 86_400_000;

interface JobView {
  id: string;
  kind: string;
  mode: string;
  status: string;
  phase: string | null;
  fileName: string;
  result: { created: number; updated: number; unchanged: number; errorCount: number; committed: boolean } | null;
  error: { code: string; message: string; details?: { errors?: { code: string }[] } } | null;
}

describe.each(DATABASE_KINDS)('imports as jobs of the queue on %s', (kind) => {
  let h: Harness;
  let rongchang: string;
  let yubei: string;
  let enterprise: string;
  let city: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    rongchang = await h.login('rongchang.admin');
    yubei = await h.login('yubei.admin');
    enterprise = await h.login('demo.enterprise');
    city = await h.login('city.admin');
  });
  afterAll(() => h.close());

  async function start(file: Buffer, name: string, cookie = rongchang, url = '/api/enterprises/import-jobs') {
    const body = await multipart(file, name);
    return h.app.inject({ method: 'POST', url, headers: { cookie, ...body.headers }, payload: body.payload });
  }
  const read = (id: string, cookie = rongchang) =>
    h.app.inject({ method: 'GET', url: `/api/enterprises/import-jobs/${id}`, headers: { cookie } });
  const commit = (id: string, cookie = rongchang) =>
    h.app.inject({ method: 'POST', url: `/api/enterprises/import-jobs/${id}/commit`, headers: { cookie } });
  async function finished(id: string, cookie = rongchang): Promise<JobView> {
    for (let i = 0; i < 600; i++) {
      const job = (await read(id, cookie)).json() as JobView;
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`job ${id} did not finish`);
  }
  async function previewed(file: Buffer, name = 'queue.xlsx', cookie = rongchang): Promise<{ id: string; job: JobView }> {
    const started = await start(file, name, cookie);
    expect(started.statusCode, started.body).toBe(202);
    const { id } = started.json();
    return { id, job: await finished(id, cookie) };
  }
  const enterprises = () => h.count('select count(*) as n from enterprises');

  it('commits the rows its preview parsed: the stored file is not read again (deleted after the preview, the commit still works)', async () => {
    const file = await xlsx([HEADERS, row(1), row(2), row(3)]);
    const { id, job } = await previewed(file);
    expect(job).toMatchObject({ status: 'done', mode: 'preview', kind: 'enterprises', result: { created: 3, errorCount: 0 } });
    // The file is stored once, on the import; the preview staged its rows.
    const [record] = await h.database.query<{ id: string; bytes: number; staged_rows: number }>(
      'select id, octet_length(file) as bytes, staged_rows from imports where preview_job_id = $1',
      [id],
    );
    expect(record).toMatchObject({ bytes: file.length, staged_rows: 3 });
    await h.database.query('update imports set file = null where id = $1', [record.id]);
    const before = await enterprises();
    const started = await commit(id);
    expect(started.statusCode, started.body).toBe(202);
    const done = await finished(started.json().id);
    expect(done).toMatchObject({ status: 'done', mode: 'commit', result: { created: 3, committed: true } });
    expect(await enterprises()).toBe(before + 3);
    // One import, one stored file for preview and commit alike: the commit stored nothing.
    expect(await h.count('select count(*) as n from imports where id = $1 and commit_job_id is not null', [record.id])).toBe(1);
    expect(await h.count('select count(*) as n from imports where preview_job_id = $1 or commit_job_id = $2', [id, done.id])).toBe(1);
    // A second click on 确认导入 answers the same commit job.
    expect((await commit(id)).json()).toEqual({ id: done.id });
  });

  it('changes nothing the second time the same file goes through preview and commit', async () => {
    const file = await xlsx([HEADERS, row(1), row(2), row(3)]);
    const { id, job } = await previewed(file);
    expect(job.result).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const before = [await enterprises(), await h.count('select count(*) as n from enterprise_years')];
    const done = await finished((await commit(id)).json().id);
    expect(done.result).toMatchObject({ created: 0, updated: 0, unchanged: 3, committed: true });
    expect([await enterprises(), await h.count('select count(*) as n from enterprise_years')]).toEqual(before);
  });

  it('changes nothing when the commit fails: what changed since the preview is found in the one transaction', async () => {
    const file = await xlsx([HEADERS, row(10), row(11)]);
    const { id, job } = await previewed(file);
    expect(job.result).toMatchObject({ created: 2, errorCount: 0 });
    // Meanwhile row 11's code is registered in another district: the officer may not overwrite it.
    await h.database.query(
      `insert into enterprises (uscc, name, district_code, industry_code, sector, size_class, search_text)
       values ($1, '别处登记的公司', '500112', '39', 'manufacturing', 'small', '别处登记的公司')`,
      [code(11)],
    );
    const before = await enterprises();
    const done = await finished((await commit(id)).json().id);
    expect(done).toMatchObject({ status: 'failed', error: { code: 'IMPORT_HAS_ERRORS' } });
    expect(done.error?.message).toMatch(/未导入任何数据/);
    expect(done.error?.details?.errors?.[0]).toMatchObject({ code: 'IMPORT_OUT_OF_SCOPE' });
    expect(await enterprises()).toBe(before);
    expect(await h.count('select count(*) as n from enterprises where uscc = $1', [code(10)])).toBe(0);
  });

  it('looks again at the commit only at what changed since the preview: an enterprise found unchanged but edited meanwhile is compared again', async () => {
    const file = await xlsx([HEADERS, row(50), row(51)]);
    await finished((await commit((await previewed(file)).id)).json().id);
    const { id, job } = await previewed(file);
    expect(job.result).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    // Meanwhile someone renames row 51's enterprise (every write raises the version).
    await h.database.query("update enterprises set name = '改过名称的公司', version = version + 1 where uscc = $1", [code(51)]);
    const version = async (n: number) =>
      (await h.database.query<{ version: number }>('select version from enterprises where uscc = $1', [code(n)]))[0].version;
    const untouched = await version(50);
    const done = await finished((await commit(id)).json().id);
    // The file's name again for 51; 50, still as the preview saw it, is not written at all.
    expect(done.result).toMatchObject({ created: 0, updated: 1, unchanged: 1, committed: true });
    expect(
      await h.count('select count(*) as n from enterprises where uscc = $1 and name = $2', [code(51), '重庆队列导入51号科技有限公司']),
    ).toBe(1);
    expect(await version(50)).toBe(untouched);
  });

  it('refreshes the registry statistics in a job of their own after a large commit', async () => {
    const jobsOf = () => h.count("select count(*) as n from jobs where kind = 'enterprises.statistics' and status = 'done'");
    const before = await jobsOf();
    const file = await xlsx([HEADERS, ...Array.from({ length: 1001 }, (_, i) => row(1000 + i))]);
    const { id } = await previewed(file);
    const done = await finished((await commit(id)).json().id);
    expect(done.result).toMatchObject({ created: 1001, committed: true });
    for (let i = 0; i < 200 && (await jobsOf()) === before; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await jobsOf()).toBe(before + 1);
  });

  it('refuses to commit a preview with errors, at once, with a Chinese message', async () => {
    const bad = await xlsx([HEADERS, row(20), [code(21), '名称', '火星区', '39', '2016-05-01', 2025, '1', 1]]);
    const { id, job } = await previewed(bad);
    expect(job.result).toMatchObject({ errorCount: 1 });
    const refused = await commit(id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'IMPORT_HAS_ERRORS', message: expect.stringMatching(/预览发现 1 处错误/) });
  });

  it('deletes the file and the staged rows 7 days after the job ended (daily sweep step), not before', async () => {
    const { id } = await previewed(await xlsx([HEADERS, row(30)]));
    const [record] = await h.database.query<{ id: string; ended_at: Date }>('select id, ended_at from imports where preview_job_id = $1', [
      id,
    ]);
    expect(record.ended_at).toBeTruthy();
    const ended = new Date(record.ended_at).getTime();
    const alive = () =>
      h.count(
        'select count(*) as n from imports i where i.id = $1 and i.file is not null and exists (select 1 from import_rows r where r.import_id = i.id)',
        [record.id],
      );
    await deleteExpiredImportFiles(h.database.db, new Date(ended + 6.9 * DAY));
    expect(await alive()).toBe(1);
    await deleteExpiredImportFiles(h.database.db, new Date(ended + 7.1 * DAY));
    expect(await alive()).toBe(0);
    expect(await h.count('select count(*) as n from import_rows where import_id = $1', [record.id])).toBe(0);
    // The job still reads (with its file name); its commit is refused in Chinese.
    expect((await read(id)).json()).toMatchObject({ status: 'done', fileName: 'queue.xlsx' });
    const refused = await commit(id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'IMPORT_EXPIRED', message: expect.stringMatching(/超过 7 天/) });
  });

  it('runs a title list as preview and commit jobs', async () => {
    const list = await xlsx([
      ['企业名称', '统一社会信用代码', '认定日期'],
      ['重庆队列导入1号科技有限公司', code(1), '2025-08-01'],
    ]);
    const started = await start(list, 'titles.xlsx', rongchang, '/api/enterprises/titles/import-jobs?tier=srdi');
    expect(started.statusCode, started.body).toBe(202);
    const job = await finished(started.json().id);
    expect(job).toMatchObject({ status: 'done', kind: 'titles', result: { created: 1, errorCount: 0 } });
    const done = await finished((await commit(started.json().id)).json().id);
    expect(done.result).toMatchObject({ created: 1, committed: true });
    expect(await h.count("select count(*) as n from enterprises where uscc = $1 and current_tier = 'srdi'", [code(1)])).toBe(1);
  });

  it('answers another officer and an enterprise user 404 on the job, its commit and its error report; refuses them the upload', async () => {
    const { id } = await previewed(await xlsx([HEADERS, row(40)]));
    const absent = await read('00000000-0000-4000-8000-000000000000');
    expect(absent.statusCode).toBe(404);
    for (const cookie of [yubei, enterprise]) {
      for (const response of [
        await read(id, cookie),
        await commit(id, cookie),
        await h.app.inject({ method: 'GET', url: `/api/enterprises/import-jobs/${id}/error-report`, headers: { cookie } }),
      ]) {
        expect(response.statusCode).toBe(404);
        expect(response.json()).toEqual(absent.json());
      }
    }
    expect(await h.count('select count(*) as n from imports where preview_job_id = $1 and commit_job_id is null', [id])).toBe(1);
    // The city administrator sees every import job, as before.
    expect((await read(id, city)).statusCode).toBe(200);
    const list = await xlsx([
      ['企业名称', '认定日期'],
      ['某公司', '2025-08-01'],
    ]);
    expect((await start(list, 't.xlsx', enterprise, '/api/enterprises/titles/import-jobs')).statusCode).toBe(403);
    expect((await start(list, 't.xlsx', enterprise)).statusCode).toBe(403);
  });
});
