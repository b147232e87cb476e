// Reads a Content-Type header value into the document format it names, and its charset if any.
import { DocumentRejected } from "./document-rejected";

export type DocumentFormat = "text" | "html" | "pdf";

/** The media types a document may be uploaded as, and the format each is read as. */
export const FORMAT_OF_MEDIA_TYPE: Readonly<Record<string, DocumentFormat>> = {
  "text/plain": "text",
  "text/html": "html",
  "application/pdf": "pdf",
};

export type DocumentContentType = { format: DocumentFormat; charset: string | null };

export function readContentType(contentType: string): DocumentContentType {
  const [mediaType = "", ...parameters] = contentType.split(";").map((part) => part.trim());
  const format = FORMAT_OF_MEDIA_TYPE[mediaType.toLowerCase()];
  if (!format) {
    const named = mediaType ? `"${mediaType}"` : "no type";
    throw new DocumentRejected(
      "unsupported",
      `A document must be plain text, HTML or PDF (${Object.keys(FORMAT_OF_MEDIA_TYPE).join(", ")}); this file is ${named}`,
    );
  }
  return { format, charset: charsetOf(parameters) };
}

function charsetOf(parameters: string[]): string | null {
  for (const parameter of parameters) {
    const [name = "", value = ""] = parameter.split("=", 2).map((part) => part.trim());
    if (name.toLowerCase() === "charset" && value) return value.replace(/^"(.*)"$/, "$1").toLowerCase();
  }
  return null;
}
