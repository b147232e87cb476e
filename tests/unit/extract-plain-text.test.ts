// Plain-text documents (issue 14): UTF-8 only, one kind of line break, and a clear refusal instead of
// stored garbage for anything that is not UTF-8 text.
import { describe, expect, it } from "vitest";
import { DocumentRejected } from "@/server/documents/extract/document-rejected";
import { extractDocument } from "@/server/documents/extract/extract-document";
import { CYRILLIC_PARAGRAPHS, cyrillicFileBytes, utf8, windows1251Bytes } from "../fixtures/documents/samples";

const extractText = (bytes: Uint8Array, contentType = "text/plain; charset=utf-8") =>
  extractDocument({ bytes, contentType });

async function refusal(promise: Promise<unknown>): Promise<DocumentRejected> {
  const error = await promise.then(
    () => new Error("expected the document to be refused"),
    (caught: unknown) => caught,
  );
  if (!(error instanceof DocumentRejected)) throw error;
  return error;
}

describe("a text/plain document", () => {
  it("keeps a Russian report's paragraphs, with the byte order mark dropped and CRLF read as LF", async () => {
    const document = await extractText(cyrillicFileBytes());
    expect(document).toEqual({ text: `${CYRILLIC_PARAGRAPHS.join("\n\n")}\n`, pageStarts: [], format: "text" });
  });

  it("reads a lone CR (old Mac line ends) as LF", async () => {
    expect((await extractText(utf8("one\rtwo\r\rthree"))).text).toBe("one\ntwo\n\nthree");
  });

  it("takes the media type and charset in any case, and ASCII as UTF-8", async () => {
    expect((await extractText(utf8("Report"), 'Text/Plain; Charset="UTF-8"')).text).toBe("Report");
    expect((await extractText(utf8("Report"), "text/plain; charset=us-ascii")).text).toBe("Report");
    expect((await extractText(utf8("Отчёт"), "text/plain")).text).toBe("Отчёт");
  });

  it("refuses a file in another encoding, saying to save it as UTF-8", async () => {
    const error = await refusal(extractText(windows1251Bytes("Сводка с фронта")));
    expect(error.reason).toBe("corrupt");
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toMatch(/not valid UTF-8 text.*save it as UTF-8/);
  });

  it("refuses an encoded lone surrogate, which UTF-8 does not allow", async () => {
    const loneHighSurrogate = Uint8Array.from([0x61, 0xed, 0xa0, 0x80, 0x62]);
    expect((await refusal(extractText(loneHighSurrogate))).reason).toBe("corrupt");
  });

  it("refuses NUL bytes as a binary file", async () => {
    const error = await refusal(extractText(utf8("header\0\0\0body")));
    expect(error.reason).toBe("corrupt");
    expect(error.message).toMatch(/NUL bytes: it looks like a binary file/);
  });

  it("refuses a text file that names another charset", async () => {
    const error = await refusal(extractText(utf8("Report"), "text/plain; charset=windows-1251"));
    expect(error.reason).toBe("unsupported");
    expect(error.message).toMatch(/must be UTF-8, and this one is windows-1251/);
  });

  it("refuses an empty file, and one of only blank lines, as empty", async () => {
    for (const bytes of [new Uint8Array(0), utf8("\uFEFF"), utf8(" \r\n\t\n")]) {
      const error = await refusal(extractText(bytes));
      expect(error.reason).toBe("empty");
      expect(error.message).toMatch(/empty/);
    }
  });
});
