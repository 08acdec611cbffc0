// The one CSV writer (lib/csv.server.ts) and its formula rule (domain/csv.ts).
import { describe, expect, test } from "vitest";
import { csvResponse, csvStream, csvText, type CsvRow } from "~/lib/csv.server";
import { neutralise, restore } from "~/domain/csv";
import { parseCsv } from "~/domain/customers-csv";

const body = async (stream: ReadableStream<Uint8Array>) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());

describe("formula neutralisation", () => {
  test.each(["=1+1", "+33 6 12", "-1", "@SUM(A1)", "\tx", "\rx", "'quoted"])("%j gets one apostrophe, and restore() takes it off", (value) => {
    expect(neutralise(value)).toBe(`'${value}`);
    expect(restore(neutralise(value))).toBe(value);
  });

  test.each(["plain", " =lead", "a=b", "", "Zoé"])("%j is left as it is", (value) => {
    expect(neutralise(value)).toBe(value);
    expect(restore(value)).toBe(value);
  });
});

describe("csvText and csvStream write the same file", () => {
  const header = ["Name", "Note"];
  const rows: CsvRow[] = [
    ["=HYPERLINK(\"x\")", 'say "hi", twice'],
    ["a;b", "line\nbreak"],
    [" padded", "cr\rhere"],
    [true, null],
    [new Date("2026-12-01T10:00:00Z"), 12n],
  ];

  test("quoted where needed, CRLF, neutralised, readable back", async () => {
    const text = csvText(header, rows);
    expect(text.split("\r\n")[1]).toBe(`"'=HYPERLINK(""x"")","say ""hi"", twice"`);
    expect(text).toContain(`"a;b","line\nbreak"`);
    expect(text).toContain(`" padded","cr\rhere"`);
    expect(text).toContain("Yes,\r\n2026-12-01T10:00:00.000Z,12\r\n");
    expect(parseCsv(text)[1].map(restore)).toEqual(['=HYPERLINK("x")', 'say "hi", twice']);
    const streamed = await body(csvStream(header, (async function* () { yield* rows; })()));
    expect(streamed).toBe(`\uFEFF${text}`);
  });

  test("a client that goes away closes the rows' source", async () => {
    let closed = false;
    let produced = 0;
    const endless = (async function* () {
      try {
        for (;;) {
          produced++;
          yield [`row ${produced}`];
        }
      } finally {
        closed = true;
      }
    })();
    const reader = csvStream(["Row"], endless).getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(true);
    // Read only as fast as the client takes them: a bounded read-ahead, not the whole source.
    expect(produced).toBeLessThan(10_000);
  });

  test("the download is an attachment that is never cached", async () => {
    const response = csvResponse("maple-activity-2026-12-01.csv", ["A"], (async function* () { yield ["x"]; })());
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="maple-activity-2026-12-01.csv"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("A\r\nx\r\n");
  });
});
