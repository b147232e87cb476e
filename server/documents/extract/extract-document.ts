// The text of an uploaded document (issue 14): plain text, the main text of an HTML page, or a PDF's
// text layer page by page — or a DocumentRejected saying why not. CPU-heavy (jsdom, PDF.js): it runs
// in the worker pool as the task "extract-document" (extract-document-task.ts), never on the event loop.
import { type DocumentFormat, readContentType } from "./content-type";
import { checkFileSize, checkTextSize } from "./document-limits";
import { DocumentRejected } from "./document-rejected";
import { extractPlainText } from "./extract-plain-text";

export type DocumentFile = { bytes: Uint8Array; contentType: string };

export type ExtractedDocument = {
  text: string;
  /** Offsets in `text` (UTF-16 code units) where each PDF page begins, page 1 at 0; [] for text and HTML. */
  pageStarts: number[];
  format: DocumentFormat;
};

type Extract = (bytes: Uint8Array, charset: string | null) => Promise<Omit<ExtractedDocument, "format">>;

/** One reader per format; jsdom and PDF.js are loaded only when a file of theirs comes. */
const READERS: Record<DocumentFormat, Extract> = {
  text: async (bytes, charset) => ({ text: extractPlainText(bytes, charset), pageStarts: [] }),
  html: async (bytes, charset) => ({
    text: (await import("./extract-html")).extractHtml(bytes, charset),
    pageStarts: [],
  }),
  pdf: async (bytes) => (await import("./extract-pdf")).extractPdf(bytes),
};

/** What an empty result says, by format: a PDF without text is most likely a scan. */
const EMPTY_MESSAGES: Record<DocumentFormat, string> = {
  text: "The file is empty: there is no text in it",
  html: "The page has no text to read",
  pdf: "The PDF has no text to read: it is probably a scan (pictures of pages). Run text recognition (OCR) on it first, or paste its text",
};

export async function extractDocument(file: DocumentFile): Promise<ExtractedDocument> {
  const { format, charset } = readContentType(file.contentType);
  checkFileSize(file.bytes.byteLength);
  const { text, pageStarts } = await READERS[format](file.bytes, charset);
  if (text.trim() === "") throw new DocumentRejected("empty", EMPTY_MESSAGES[format]);
  checkTextSize(text);
  return { text, pageStarts, format };
}
