// The size limits of a source document (issue 14): the file as uploaded, and the text kept from it.
import { DocumentRejected } from "./document-rejected";

const MIB = 1024 * 1024;

export const DOCUMENT_LIMITS = {
  /** Bytes of the uploaded file; checked before any parser sees it. */
  maxFileBytes: 5 * MIB,
  /** UTF-8 bytes of the extracted text, as PostgreSQL stores it. */
  maxTextBytes: 1 * MIB,
};

export function checkFileSize(byteLength: number): void {
  if (byteLength > DOCUMENT_LIMITS.maxFileBytes) {
    throw new DocumentRejected(
      "too-large",
      `The file is ${sizeOver(byteLength)}, over the ${limit(DOCUMENT_LIMITS.maxFileBytes)} limit for documents`,
    );
  }
}

export function checkTextSize(text: string): void {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > DOCUMENT_LIMITS.maxTextBytes) {
    throw new DocumentRejected(
      "too-large",
      `The document's text is ${sizeOver(bytes)}, over the ${limit(DOCUMENT_LIMITS.maxTextBytes)} limit of text for one source; split it into smaller documents`,
    );
  }
}

/** Rounded up, so that a size just over the limit never reads as equal to it. */
function sizeOver(bytes: number): string {
  return `${(Math.ceil((bytes / MIB) * 10) / 10).toFixed(1)} MiB`;
}

function limit(bytes: number): string {
  return `${bytes / MIB} MiB`;
}
