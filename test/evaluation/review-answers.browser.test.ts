import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluation } from '../support/evaluation.js';
import { startWeb, type WebHarness } from '../support/web.js';

describe('answering a review question in a real browser', () => {
  let web: WebHarness;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(() => web?.close());

  it('lets an officer record 符合 on the enterprise page and shows the new outcome', async () => {
    const { h } = web;
    await runEvaluation(h, await h.login('city.admin'));
    const [{ id }] = await h.database.query<{ id: string }>(
      "select enterprise_id as id from evaluation_results where tier = 'srdi' and outcome = 'needs_review' order by enterprise_id limit 1",
    );

    const page = await web.logIn('city.admin');
    await page.goto(`${web.baseUrl}/enterprises/${id}`);
    await page.getByRole('tab', { name: '梯度评价' }).click();
    await page.getByText('人工审核事项').waitFor();
    await page.getByText('主导产品在国内或国际细分市场占有率是否较高、具有一定知名度？').waitFor();
    await page.getByRole('radiogroup', { name: '细分市场地位的审核结论' }).getByText('符合', { exact: true }).click();
    await page.getByRole('button', { name: '保存审核结论并重新评价' }).click();
    await page.getByText('审核结论已保存，已按审核结论重新评价').waitFor();
    await page.screenshot({ path: 'test-results/review-answers.png', fullPage: true });
    const [stored] = await h.database.query<{ outcome: string }>(
      "select outcome from evaluation_results where tier = 'srdi' and enterprise_id = $1",
      [id],
    );
    expect(stored.outcome).toBe('qualified');
    expect(await h.count("select count(*) as n from audit_log where entity_id = $1 and action like 'enterprise.%'", [id])).toBeGreaterThan(
      0,
    );
    await page.close();
  });
});
