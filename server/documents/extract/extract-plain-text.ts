// A text/plain document: UTF-8 only, since a wrong guess at another encoding would store garbage that
// looks like text. Line breaks become "\n"; paragraphs stay as the file has them (blank-line separated).
import { DocumentRejected } from "./document-rejected";
import { normalizeLineBreaks } from "./normalize-line-breaks";

/** The labels the WHATWG Encoding standard gives UTF-8, and ASCII, which is a subset of it. */
const UTF8_LABELS = new Set(["utf-8", "utf8", "unicode-1-1-utf-8", "us-ascii", "ascii"]);

export function extractPlainText(bytes: Uint8Array, charset: string | null): string {
  if (charset !== null && !UTF8_LABELS.has(charset)) {
    throw new DocumentRejected(
      "unsupported",
      `Text files must be UTF-8, and this one is ${charset}; save it as UTF-8 and upload it again`,
    );
  }
  let text: string;
  try {
    // fatal: an invalid byte (or an encoded lone surrogate) throws instead of becoming U+FFFD; the BOM is dropped.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentRejected(
      "corrupt",
      "The file is not valid UTF-8 text (it may be in another encoding, such as Windows-1251 or Latin-1); save it as UTF-8 and upload it again",
    );
  }
  if (text.includes("\0")) {
    throw new DocumentRejected("corrupt", "The file contains NUL bytes: it looks like a binary file, not text");
  }
  return normalizeLineBreaks(text);
}
