import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';

describe('download file names', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite');
  });
  afterAll(async () => {
    vi.useRealTimers();
    await h?.close();
  });

  it('dates the registry export by Chongqing’s calendar, not UTC’s', async () => {
    const cookie = await h.login('rongchang.admin');
    // 20:00 UTC on 1 March is already 04:00 on 2 March in Chongqing.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T20:00:00Z') });
    const response = await h.app.inject({ method: 'GET', url: '/api/enterprises/export', headers: { cookie } });
    vi.useRealTimers();
    expect(response.statusCode).toBe(200);
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain('企业库导出-2026-03-02.xlsx');
  });
});
