/**
 * An RFC 4180 CSV parser, as needed for pandas' `to_csv` output (protocol §5.4): comma
 * separated, fields with commas, quotes or line breaks enclosed in `"` with inner quotes
 * doubled, `\n` or `\r\n` line ends, an optional final line end.
 */

import { PhasError } from './errors/index.js';

/** A malformed CSV text (e.g. an unterminated quoted field); code `invalid_csv`. */
export class CsvSyntaxError extends PhasError {
  constructor(message: string) {
    super(message, { code: 'invalid_csv' });
  }
}

/**
 * Parses CSV text into records (arrays of field strings). Quoted fields keep their content
 * verbatim (line breaks included); an empty text gives no records.
 *
 * @example
 * ```ts
 * parseCsv('id,block\n1,"B,02"\n'); // [['id', 'block'], ['1', 'B,02']]
 * ```
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  if (n === 0) return records;
  for (;;) {
    if (text[i] === '"') {
      // Quoted field: up to the closing quote; "" is a literal quote.
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) throw new CsvSyntaxError(`unterminated quoted field in record ${records.length + 1}`);
        field += text.slice(i, close);
        i = close + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
      if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        throw new CsvSyntaxError(`unexpected character after a quoted field in record ${records.length + 1}`);
      }
    } else {
      let end = i;
      while (end < n && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++;
      field = text.slice(i, end);
      i = end;
    }
    record.push(field);
    field = '';
    if (i >= n) {
      records.push(record);
      return records;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    // Line end: \n, \r\n or \r.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    records.push(record);
    record = [];
    if (i >= n) return records;
  }
}
