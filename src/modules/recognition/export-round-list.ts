import ExcelJS from '../../server/exceljs.js';

/**
 * A list of a round in the layout of a published notice (序号, 企业名称, 区县, 统一社会信用代码) as an
 * xlsx: the 公示名单 and the 推荐名单. The title row names the list.
 */
export async function roundListWorkbook(
  title: string,
  rows: { enterpriseName: string; districtName: string; uscc: string }[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.columns = [{ width: 8 }, { width: 44 }, { width: 16 }, { width: 24 }];
  sheet.mergeCells('A1:D1');
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  sheet.getRow(2).values = ['序号', '企业名称', '区县', '统一社会信用代码'];
  sheet.getRow(2).font = { bold: true };
  rows.forEach((r, i) => {
    sheet.addRow([i + 1, r.enterpriseName, r.districtName, r.uscc]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
