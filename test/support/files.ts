import ExcelJS from '../../src/server/exceljs.js';

export type CellInput = string | number | Date | null | { formula: string; result: number | string };

/** An .xlsx built the way Excel would save it: optional title rows and merged ranges. */
export async function xlsx(rows: CellInput[][], { merges = [] as string[] } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row.map((c) => c ?? undefined));
  for (const m of merges) sheet.mergeCells(m);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A multipart/form-data body with one file field, for app.inject. */
export async function multipart(file: Buffer, fileName: string, field = 'file') {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(file)]), fileName);
  const request = new Request('http://local/upload', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type') as string } };
}

/** Reads the first sheet back as arrays of cell values (for checking exports and error reports). */
export async function readXlsx(buffer: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
