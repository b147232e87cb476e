// A PDF's text layer, page by page, through unpdf (PDF.js built for servers). Pages are joined with a
// blank line and the offset where each begins is kept, so a passage can say "p. 3". Within a page, a
// line gap clearly taller than the page's usual one starts a new paragraph.
import { getDocumentProxy } from "unpdf";
import { DocumentRejected } from "./document-rejected";
import { paragraphsOfPage, type TextLine } from "./pdf-paragraphs";

export type PdfText = { text: string; pageStarts: number[] };

const PAGE_SEPARATOR = "\n\n";
const EOF_WINDOW = 1024;
/** PDF.js's VerbosityLevel.ERRORS: its recoverable-problem warnings would otherwise go to the console. */
const ERRORS_ONLY = 0;
/** The exceptions PDF.js throws for a file it cannot make sense of. */
const BROKEN_FILE_EXCEPTIONS = new Set(["InvalidPDFException", "FormatError", "UnknownErrorException"]);

export async function extractPdf(bytes: Uint8Array): Promise<PdfText> {
  if (!endsWithEofMarker(bytes)) throw damaged();
  // A copy: PDF.js may take over (detach) the buffer it is given.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: ERRORS_ONLY }).catch(rethrowAsRejection);
  try {
    const pages: string[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      pages.push(await pageText(pdf, pageNumber).catch(rethrowAsRejection));
    }
    return joinPages(pages);
  } finally {
    await pdf.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

async function pageText(pdf: PdfDocument, pageNumber: number): Promise<string> {
  const page = await pdf.getPage(pageNumber);
  const content = await page.getTextContent();
  page.cleanup();
  const lines: TextLine[] = [];
  let line: TextLine | null = null;
  for (const item of content.items) {
    if (!("str" in item)) continue;
    if (line === null && item.str.trim() !== "") {
      const [, , c = 0, d = 0, , y = 0] = item.transform as number[];
      line = { text: "", baseline: y, fontSize: Math.hypot(c, d) || item.height };
    }
    if (line) line.text += item.str;
    if (item.hasEOL && line) {
      lines.push(line);
      line = null;
    }
  }
  if (line) lines.push(line);
  return withoutControlCharacters(paragraphsOfPage(lines).join("\n\n"));
}

export function joinPages(pages: string[]): PdfText {
  const pageStarts: number[] = [];
  let offset = 0;
  for (const page of pages) {
    pageStarts.push(offset);
    offset += page.length + PAGE_SEPARATOR.length;
  }
  return { text: pages.join(PAGE_SEPARATOR), pageStarts };
}

/**
 * A font without a usable character map can hand PDF.js control characters and lone surrogate halves;
 * they show nothing, and PostgreSQL refuses NUL outright, so they go.
 */
function withoutControlCharacters(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
  );
}

function rethrowAsRejection(error: unknown): never {
  const name = error instanceof Object && "name" in error ? String(error.name) : "";
  if (name === "PasswordException") {
    throw new DocumentRejected(
      "encrypted",
      "The PDF is encrypted with a password, so its text cannot be read; save a copy without the password and upload that",
    );
  }
  if (BROKEN_FILE_EXCEPTIONS.has(name)) throw damaged();
  throw error;
}

function damaged(): DocumentRejected {
  return new DocumentRejected(
    "corrupt",
    "The PDF is damaged or incomplete (it may have been cut short while copying); upload the whole file again",
  );
}

/**
 * Whether the file ends as a PDF must: "%%EOF" within its last 1024 bytes (the tolerance Acrobat allows,
 * ISO 32000-1 implementation note 18). PDF.js rebuilds a file cut short from what it finds, which can be
 * some of the pages without a word of warning; a cut file is refused instead.
 */
function endsWithEofMarker(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("%%EOF", -EOF_WINDOW, "latin1");
}
