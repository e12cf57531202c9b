/** One column of a chart's CSV: its header and how a row gives its cell. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
  /** Written to the file but not shown in the on-screen table (e.g. the brand filtered on, the same on every row). */
  fileOnly?: boolean;
}

/** Byte-order mark: without it Excel reads UTF-8 as the local code page and garbles Chinese brand names. */
export const UTF8_BOM = '\uFEFF';

/** RFC 4180 quoting; a leading = + - @ is defused so a brand name cannot run as a spreadsheet formula. */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV text, header first, CRLF line ends as Excel writes them, with the BOM. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((column) => cell(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => cell(column.value(row))).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** Hands the text to the browser as a download; nothing leaves the page. */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns; revoke once they have.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
