import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-data.js';
import { webDist } from '../../src/server/app.js';
import { launchBrowser } from '../support/browser.js';
import { type Harness, startHarness } from '../support/harness.js';

function expectSecurityHeaders(headers: Record<string, unknown>, what: string) {
  const csp = String(headers['content-security-policy'] ?? '');
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("script-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).not.toContain('upgrade-insecure-requests');
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['referrer-policy'], what).toBe('same-origin');
}

describe('security headers on every kind of response', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite');
  });
  afterAll(() => h.close());

  it('sets CSP, nosniff, no framing and the referrer policy on API, static, page, error and 404 answers', async () => {
    const asset = readdirSync(path.join(webDist, 'assets')).find((f) => f.endsWith('.js'));
    const cookie = await h.login('rongchang.admin');
    const cases: {
      what: string;
      method?: 'GET' | 'POST';
      url: string;
      status: number;
      payload?: unknown;
      headers?: Record<string, string>;
    }[] = [
      { what: 'API 200', url: '/api/health', status: 200 },
      { what: 'API with a session', url: '/api/auth/me', status: 200, headers: { cookie } },
      { what: 'API 401', url: '/api/enterprises', status: 401 },
      { what: 'API 404', url: '/api/no-such-route', status: 404 },
      { what: 'malformed URL (answered by the router)', url: '/api/enterprises/%E0%A4%A', status: 400 },
      { what: 'API 400', method: 'POST', url: '/api/auth/login', status: 400, payload: { username: 1 } },
      { what: 'foreign origin 403', method: 'POST', url: '/api/auth/logout', status: 403, headers: { origin: 'https://evil.example' } },
      { what: 'index.html', url: '/', status: 200 },
      { what: 'client-side route', url: '/enterprises/import', status: 200 },
      { what: 'static asset', url: `/assets/${asset}`, status: 200 },
      { what: 'missing asset', url: '/assets/no-such-file.js', status: 404 },
      { what: 'OpenAPI document', url: '/api/docs/json', status: 200 },
      { what: 'Swagger UI', url: '/api/docs', status: 200 },
      { what: 'Swagger UI asset', url: '/api/docs/static/swagger-ui.css', status: 200 },
    ];
    for (const c of cases) {
      const response = await h.app.inject({ method: c.method ?? 'GET', url: c.url, payload: c.payload as never, headers: c.headers });
      expect(response.statusCode, c.what).toBe(c.status);
      expectSecurityHeaders(response.headers, c.what);
    }
  });

  describe('in a real browser', () => {
    let browser: Browser;
    let baseUrl: string;
    beforeAll(async () => {
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      const address = h.app.server.address() as { port: number };
      baseUrl = `http://127.0.0.1:${address.port}`;
      browser = await launchBrowser();
    });
    afterAll(() => browser?.close());

    /** Collects every CSP violation the page reports (console and the securitypolicyviolation event). */
    async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
      const page = await browser.newPage({ locale: 'zh-CN' });
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      return { page, violations };
    }

    it('runs the built app under the CSP without a violation', async () => {
      const { page, violations } = await watchedPage();
      await page.goto(baseUrl);
      await page.getByLabel('用户名').fill('city.admin');
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /^登\s*录$/ }).click();
      await page.getByTestId('current-user').waitFor();
      for (const route of ['/enterprises', '/evaluations/rules', '/self-assessment']) {
        await page.goto(`${baseUrl}${route}`);
        await page.getByTestId('current-user').waitFor();
        await page.waitForLoadState('networkidle');
      }
      // antd's CSS-in-JS did style the page (its <style> elements were allowed).
      expect(await page.locator('style').count()).toBeGreaterThan(0);
      expect(violations).toEqual([]);
    }, 60_000);

    it('loads the Swagger UI under the CSP', async () => {
      const { page, violations } = await watchedPage();
      await page.goto(`${baseUrl}/api/docs`);
      await page.getByText('zjtx 专精特新企业梯度培育平台 API').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(violations).toEqual([]);
    }, 60_000);
  });
});
