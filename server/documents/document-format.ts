// SourceVersion.format is a text column; only the formats the wire knows are ever written to it.
import { DOCUMENT_FORMATS, type DocumentFormat } from "@/lib/schemas/document";

export function asDocumentFormat(stored: string): DocumentFormat {
  if ((DOCUMENT_FORMATS as readonly string[]).includes(stored)) return stored as DocumentFormat;
  throw new Error(`A source version has an unknown format: ${stored}`);
}
