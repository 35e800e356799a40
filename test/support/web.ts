import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/cli/demo-data.js';
import { launchBrowser } from './browser.js';
import { type Harness, startHarness } from './harness.js';

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
  const h = await startHarness('pglite');
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
    },
  };
}
