import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf } from '../files/samples.js';
import { startWeb, type WebHarness } from '../support/web.js';

describe('the expert in a real browser', () => {
  let web: WebHarness;
  let assigned: number;

  beforeAll(async () => {
    web = await startWeb();
    assigned = await web.h.count(
      `select count(*) as n from enterprises where (current_tier = 'srdi' and district_code = '500153')
       or id in (select a.enterprise_id from expert_assignments a join experts x on x.id = a.expert_id
                 join users u on u.id = x.user_id where u.username = 'expert.001')`,
    );
  });
  afterAll(() => web?.close());

  it('logs in, sees what to do and the enterprises assigned, opens one read-only and records a visit with an attachment', async () => {
    const page = await web.logIn('expert.001');
    // The 工作台 says what to do.
    await page.getByText('分配给您服务的企业').waitFor();
    await page.getByText(/在企业页面点“记录服务”/).waitFor();

    await page.getByRole('menuitem', { name: '我的服务企业' }).click();
    await page.getByRole('heading', { name: '我的服务企业' }).waitFor();
    await page.getByText(`共 ${assigned} 家`).waitFor();
    await page.getByText('按区县服务').waitFor();
    await page.getByRole('link', { name: '重庆昌州智能装备股份有限公司' }).first().click();

    await page.getByRole('heading', { name: /重庆昌州智能装备股份有限公司/ }).waitFor();
    await page.getByText('专家服务记录').waitFor();
    // Read-only: no 编辑 for an expert.
    expect(await page.getByRole('button', { name: /编\s*辑/ }).count()).toBe(0);

    await page.getByRole('button', { name: /记录服务/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('电话').click();
    await dialog.getByLabel('服务主题').fill('浏览器测试：质量管理体系');
    await dialog.getByLabel('意见建议').fill('建议按 GB/T 19001 建立质量管理体系并申请认证。');
    await dialog.getByLabel('后续跟进').fill('两周后电话回访');
    const file = path.join(tmpdir(), '走访照片说明.pdf');
    writeFileSync(file, pdf('visit'));
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByText('走访照片说明.pdf').waitFor();
    await expect.poll(() => dialog.locator('.ant-upload-list-item-done').count()).toBe(1);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('服务记录已保存，企业和所在区县经信委已收到消息').waitFor();
    await page.getByText('浏览器测试：质量管理体系').waitFor();
    await page.getByRole('link', { name: '走访照片说明.pdf' }).waitFor();

    const [row] = await web.h.database.query<{ form: string; files: number }>(
      `select v.form, (select count(*)::int from files f where f.owner_type = 'expert_visit' and f.owner_id = v.id::text) as files
       from expert_visits v where v.topic = '浏览器测试：质量管理体系'`,
    );
    expect(row).toEqual({ form: 'phone', files: 1 });
    expect(await page.locator('body').textContent()).not.toMatch(/phone|expert_visit/);
    await page.screenshot({ path: 'test-results/expert-visit.png', fullPage: true });
  });

  it('shows the city administrator the pool with assignments and conflicts', async () => {
    const page = await web.logIn('city.admin');
    await page.getByRole('menuitem', { name: '专家库' }).click();
    await page.getByRole('heading', { name: '专家库' }).waitFor();
    await page.getByText('共 114 位').waitFor();
    await page.getByRole('button', { name: '分配与冲突' }).first().click();
    await page.getByText('服务分配').waitFor();
    await page.getByText('利益冲突申报').waitFor();
  });
});
