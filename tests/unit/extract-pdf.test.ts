// PDF documents (issue 14): the text layer page by page, with where each page starts, and a refusal that
// says what is wrong with a file that is encrypted, damaged or has no text (a scan). The PDFs are
// written by tests/fixtures/documents/make-pdf.ts.
import { getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { DocumentRejected } from "@/server/documents/extract/document-rejected";
import { extractDocument } from "@/server/documents/extract/extract-document";
import { makePdf } from "../fixtures/documents/make-pdf";
import { utf8 } from "../fixtures/documents/samples";

const extractPdf = (bytes: Uint8Array) => extractDocument({ bytes, contentType: "application/pdf" });

async function refusal(promise: Promise<unknown>): Promise<DocumentRejected> {
  const error = await promise.then(
    () => new Error("expected the document to be refused"),
    (caught: unknown) => caught,
  );
  if (!(error instanceof DocumentRejected)) throw error;
  return error;
}

const PAGE_ONE =
  "Sitrep 14 (morning)\nroughly 100,000 men near the border.\n\nSupply lines: fuel depots seen on the 12th.";
const PAGE_TWO = "Annex: the crossing points \\ routes";

describe("an application/pdf document", () => {
  it("is its pages' text joined by a blank line, each page's start kept, its paragraphs kept", async () => {
    const document = await extractPdf(makePdf([PAGE_ONE, PAGE_TWO]));
    expect(document).toEqual({
      text: `${PAGE_ONE}\n\n${PAGE_TWO}`,
      pageStarts: [0, PAGE_ONE.length + 2],
      format: "pdf",
    });
    expect(document.text.slice(document.pageStarts[1])).toBe(PAGE_TWO);
  });

  it("keeps the place of a page without text, so later pages keep their numbers", async () => {
    const document = await extractPdf(makePdf(["First page.", { drawingOnly: true }, "Third page."]));
    expect(document.text).toBe("First page.\n\n\n\nThird page.");
    expect(document.pageStarts).toEqual([0, 13, 15]);
    expect(document.text.slice(document.pageStarts[2])).toBe("Third page.");
  });

  it("refuses a PDF encrypted with a password as encrypted", async () => {
    const encrypted = makePdf(["Eyes only."], { encryption: { userPassword: "secret", ownerPassword: "owner" } });
    const error = await refusal(extractPdf(encrypted));
    expect(error.reason).toBe("encrypted");
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toMatch(/encrypted with a password/);
    // The fixture is really encrypted, not merely broken: with its password, PDF.js reads it.
    const opened = await getDocumentProxy(new Uint8Array(encrypted), { password: "secret", verbosity: 0 });
    const content = await (await opened.getPage(1)).getTextContent();
    expect(content.items.map((item) => ("str" in item ? item.str : "")).join("")).toBe("Eyes only.");
    await opened.destroy();
  });

  it("reads a PDF encrypted only against editing (an empty user password), as any viewer opens it", async () => {
    const restricted = makePdf(["Open to read."], { encryption: { userPassword: "", ownerPassword: "owner" } });
    expect((await extractPdf(restricted)).text).toBe("Open to read.");
  });

  it("refuses a file cut short anywhere as corrupt", async () => {
    const whole = makePdf([PAGE_ONE, PAGE_TWO]);
    for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9, 0.97]) {
      const error = await refusal(extractPdf(whole.subarray(0, Math.floor(whole.length * fraction))));
      expect(error.reason, `cut at ${fraction}`).toBe("corrupt");
      expect(error.message).toMatch(/damaged or incomplete/);
    }
  });

  it("refuses a file that is not a PDF at all as corrupt, even one that ends as a PDF should", async () => {
    for (const notPdf of ["Just some text, sent as a PDF.", "Just some text\n%%EOF\n", "%PDF-1.4\n1 0 obj\n%%EOF"]) {
      const error = await refusal(extractPdf(utf8(notPdf)));
      expect(error.reason, notPdf).toBe("corrupt");
    }
  });

  it("refuses a PDF without a text layer (a scan) as empty, saying there is no text to read", async () => {
    const error = await refusal(extractPdf(makePdf([{ drawingOnly: true }, { drawingOnly: true }])));
    expect(error.reason).toBe("empty");
    expect(error.message).toMatch(/has no text to read: it is probably a scan/);
  });
});
