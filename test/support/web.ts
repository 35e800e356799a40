import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/cli/demo-data.js';
import { webDist } from '../../src/server/app.js';
import { launchBrowser } from './browser.js';
import { type Harness, startHarness } from './harness.js';

/**
 * A private copy of web/dist for one test run: the app routes the built files it finds at start, so a
 * rebuild by another run meanwhile (new hashed names) would leave this run's pages blank. The copy is
 * taken again while a rebuild is half-written (index.html naming a file not there).
 */
function snapshotWeb(): string | undefined {
  if (!existsSync(path.join(webDist, 'index.html'))) return undefined;
  for (let attempt = 0; ; attempt++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'zjtx-web-'));
    try {
      cpSync(webDist, dir, { recursive: true });
      const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
      const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
      if (assets.every((a) => existsSync(path.join(dir, a))) || attempt >= 20) return dir;
    } catch (error) {
      if (attempt >= 20) throw error;
    }
    rmSync(dir, { recursive: true, force: true });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
}

export interface WebHarness {
  h: Harness;
  browser: Browser;
  baseUrl: string;
  /** A new page logged in as that demo account, with the shell loaded. */
  logIn(username: string, options?: { width?: number; height?: number; timezoneId?: string }): Promise<Page>;
  close(): Promise<void>;
}

/** The app on a real port over a fresh PGlite copy, and Chromium to drive it. */
export async function startWeb(): Promise<WebHarness> {
  const webRoot = snapshotWeb();
  const h = await startHarness('pglite', {}, { webRoot });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  mkdirSync('test-results', { recursive: true });
  return {
    h,
    browser,
    baseUrl,
    async logIn(username, { width = 1440, height = 900, timezoneId } = {}) {
      // A context of its own (axe-core needs one; it also keeps each login's cookies apart).
      const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId, acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(baseUrl);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /^登\s*录$/ }).click();
      await page.getByTestId('current-user').waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await h.close();
      if (webRoot) rmSync(webRoot, { recursive: true, force: true });
    },
  };
}
