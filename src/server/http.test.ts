import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { sendXlsx } from './http.js';

describe('xlsx downloads', () => {
  it.each([
    ['导入错误报告-企业名单.xlsx.xlsx', '导入错误报告-企业名单.xlsx'],
    ['导入错误报告-名单.csv.xlsx', '导入错误报告-名单.xlsx'],
    ['企业信息导入模板.xlsx', '企业信息导入模板.xlsx'],
    ['后备库', '后备库.xlsx'],
  ])('names %s as %s', async (given, sent) => {
    const app = Fastify();
    app.get('/file', (_request, reply) => sendXlsx(reply, given, Buffer.from('x')));
    const response = await app.inject({ method: 'GET', url: '/file' });
    expect(response.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(sent)}`);
    await app.close();
  });
});
