// THE CSV writer (README, "One CSV module"): every file Portier offers for download is written here, on
// csv-stringify, with the same quoting and the same formula neutralisation (~/domain/csv). A download
// is streamed: rows come from an async iterable (a service reading keyset batches), are piped through the
// stringifier with back-pressure, and leave as the response body, so memory does not grow with the
// number of rows. csvText() is the same writer for small in-memory files and tests.
import { Readable, pipeline } from "node:stream";
import { stringify, type Options } from "csv-stringify";
import { stringify as stringifySync } from "csv-stringify/sync";
import { neutralise } from "~/domain/csv";

export type CsvCell = string | number | boolean | bigint | Date | null | undefined;
export type CsvRow = readonly CsvCell[];

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return neutralise(String(value));
}

/**
 * CRLF line ends; a cell is quoted when it holds a quote, a comma, a semicolon (French spreadsheets split
 * on it), a line break, or a line break (CR or LF), or space at either end. Every value is first turned into neutralised text, so
 * csv-stringify's own casts never see a number or a date.
 */
const OPTIONS: Options = {
  record_delimiter: "windows",
  quoted_match: [/;/, /[\r\n]/, /^\s/, /\s$/],
};

/** A whole small file as text, header first, with the byte-order mark when asked. */
export function csvText(header: readonly string[], rows: Iterable<CsvRow>, options: { bom?: boolean } = {}): string {
  const records = [header.map(cell), ...Array.from(rows, (row) => row.map(cell))];
  return (options.bom ? "\uFEFF" : "") + stringifySync(records, OPTIONS);
}

/**
 * A streamed file: the header, then each row the iterable yields, read only as fast as the client takes
 * them. The byte-order mark tells spreadsheets the file is UTF-8, so accents survive. If the client goes
 * away, the iterable is closed (its `finally` runs); if it throws, the download is cut short.
 */
export function csvStream(header: readonly string[], rows: AsyncIterable<CsvRow>): ReadableStream<Uint8Array> {
  async function* cells() {
    yield header.map(cell);
    for await (const row of rows) yield row.map(cell);
  }
  const source = Readable.from(cells());
  const stringifier = stringify({ ...OPTIONS, bom: true });
  // Either end failing or closing early destroys the other, which closes the rows' iterable.
  pipeline(source, stringifier, () => undefined);
  return Readable.toWeb(stringifier) as ReadableStream<Uint8Array>;
}

/** The download's answer: a CSV attachment, never cached. */
export function csvResponse(fileName: string, header: readonly string[], rows: AsyncIterable<CsvRow>): Response {
  return new Response(csvStream(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
