// The small workbooks around the import: the template and the error report.
import type { Fill } from 'exceljs';
import ExcelJS from '../../../server/exceljs.js';
import { IMPORT_COLUMNS, SAMPLE_NAME, SAMPLE_USCC } from './columns.js';
import type { ImportError } from './parse-rows.js';

const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDBEAFE' } };

export async function importTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业信息');
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.header));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = HEADER_FILL;
  sheet.addRow([
    SAMPLE_USCC,
    SAMPLE_NAME,
    '荣昌区',
    '',
    '35',
    '智能装备及智能制造',
    '2012-06-18',
    5000,
    '张三',
    '重庆市荣昌区某某路 1 号',
    '智能检测设备',
    '汽车零部件在线检测',
    2015,
    '未上市',
    '李四',
    '023-00000000',
    2025,
    8600,
    8000,
    700,
    600,
    9000,
    4000,
    430,
    210,
    40,
    0,
    320,
    0,
    63,
    9,
  ]);
  IMPORT_COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.max(12, c.header.length * 2 + 2);
  });
  const help = workbook.addWorksheet('填写说明');
  help.addRows([
    ['填写说明'],
    ['1. 每行一家企业一个年度；同一企业多个年度可填多行，企业信息须一致。第 2 行是示例，导入前请删除或改为实际企业。'],
    ['2. 金额单位为万元，最多 4 位小数（列名写“（元）”的按元计）；人数为整数。'],
    ['3. 所属区县填写区县名称或代码（如“荣昌区”或 500153），旧称如“梁平县”会自动识别；两江新区等功能区填在“功能区”列。'],
    ['4. 行业大类代码为国民经济行业分类（GB/T 4754-2017）两位大类代码，如 39。'],
    ['5. 空白单元格表示不修改已有数据；导入前先预览，有错误时不会写入任何数据。'],
    ['6. 请勿合并单元格；表头上方可保留标题行。'],
    ['7. 专精特新发展评价得分为国家平台的评价得分（0～100）；特色化指标得分由区县评定（0～15）；同一企业只填一次即可。'],
  ]);
  help.getColumn(1).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function errorReport(errors: ImportError[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('错误报告');
  sheet.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 22 },
    { header: '错误代码', key: 'code', width: 28 },
    { header: '说明', key: 'message', width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = HEADER_FILL;
  for (const e of errors) sheet.addRow(e);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
