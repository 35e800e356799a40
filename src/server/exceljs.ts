// exceljs, with its streaming reader mended: it decodes each compressed chunk of sheet XML to
// text on its own, so a Chinese character split between two chunks turns into "��"
// (exceljs issues #2063, #2084; the fix PR #1665 is not released). We decode across chunk
// boundaries before exceljs sees the text. Import ExcelJS from here, never from 'exceljs'.
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJSModule from 'exceljs';

const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const originalParseSax = require(parseSaxPath) as (iterable: AsyncIterable<string>) => AsyncGenerator<unknown>;

async function* decodeAcrossChunks(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of iterable) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

require.cache[parseSaxPath]!.exports = (iterable: AsyncIterable<Buffer | string>) => originalParseSax(decodeAcrossChunks(iterable));

const ExcelJS = require('exceljs') as typeof ExcelJSModule;
export default ExcelJS;
export type { ExcelJSModule };
