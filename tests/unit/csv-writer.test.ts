// The CSV writer: RFC 4180 quoting, CRLF records, the byte order mark, and the formula guard that
// must come off again on import.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { guardFormula, unguardFormula } from "@/server/csv/formula-guard";
import { csvField, toCsv, UTF8_BOM } from "@/server/csv/write-csv";

describe("a CSV field", () => {
  it("is written bare when it holds nothing special", () => {
    expect(csvField("Talks in Geneva")).toBe("Talks in Geneva");
    expect(csvField("  spaces kept  ")).toBe("  spaces kept  ");
    expect(csvField("Kyiv – Київ")).toBe("Kyiv – Київ");
  });

  it("is quoted when it holds a comma, a quote or a line break, with quotes doubled", () => {
    expect(csvField("Geneva, Brussels")).toBe('"Geneva, Brussels"');
    expect(csvField('the "Normandy" format')).toBe('"the ""Normandy"" format"');
    expect(csvField("first line\nsecond")).toBe('"first line\nsecond"');
    expect(csvField("carriage\rreturn")).toBe('"carriage\rreturn"');
    expect(csvField('"')).toBe('""""');
  });

  it("writes none as an empty field and numbers in their shortest exact form", () => {
    expect(csvField(null)).toBe("");
    expect(csvField("")).toBe("");
    expect(csvField(100_000)).toBe("100000");
    expect(csvField(-0.1)).toBe("-0.1");
    expect(csvField(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(csvField(1e21)).toBe("1e+21");
  });
});

describe("the formula guard", () => {
  it("prefixes an apostrophe to text a spreadsheet would run as a formula", () => {
    for (const text of ["=1+1", "+7", "-5 troops", "@SUM(A1)", "\tindented", "\rreturn"]) {
      expect(csvField(text), text).toBe(text.includes("\r") ? `"'${text}"` : `'${text}`);
    }
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
  });

  it("leaves numbers alone, negative ones included", () => {
    expect(csvField(-5)).toBe("-5");
  });

  it("comes off exactly, even for text that already began with apostrophes", () => {
    const texts = ["=1+1", "'=1+1", "''@x", "'plain", "plain", "", "'", "it's", "-", "a=b"];
    for (const text of texts) expect(unguardFormula(guardFormula(text)), text).toBe(text);
    expect(guardFormula("'plain")).toBe("'plain");
    expect(guardFormula("'=1+1")).toBe("''=1+1");
  });
});

describe("a CSV file", () => {
  const header = ["id", "note", "value"];
  const rows = [
    ["a", 'say "hi", then\r\nleave', 1.5],
    ["b", null, -2],
    ["c", "=cmd|' /C calc'!A0", 0],
  ];

  it("starts with a byte order mark and ends every record, the last too, with CRLF", () => {
    const csv = toCsv(header, rows);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1).split("\r\n")[0]).toBe("id,note,value");
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv).toContain("b,,-2\r\n");
  });

  it("parses back with csv-parse to the same cells once the guard is taken off", () => {
    const parsed: string[][] = parse(toCsv(header, rows), { bom: true });
    expect(parsed[0]).toEqual(header);
    const cells = parsed.slice(1).map(([id, note, value]) => [id, note ? unguardFormula(note) : null, Number(value)]);
    expect(cells).toEqual(rows);
  });

  it("is only a header when there are no rows", () => {
    expect(toCsv(header, [])).toBe(`${UTF8_BOM}id,note,value\r\n`);
  });
});
