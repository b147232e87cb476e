// extractDocument as a worker task. A refusal comes back as plain data, not thrown: an error crossing
// the thread boundary is structured-cloned into a bare Error, losing its class and its reason, and the
// pool would report it as a server failure. Anything else thrown (a parser bug) fails the task as usual.
import { DocumentRejected, type RejectionData } from "./document-rejected";
import { type DocumentFile, type ExtractedDocument, extractDocument } from "./extract-document";

export type ExtractionOutcome = { ok: true; document: ExtractedDocument } | ({ ok: false } & RejectionData);

export async function extractDocumentTask(file: DocumentFile): Promise<ExtractionOutcome> {
  try {
    return { ok: true, document: await extractDocument(file) };
  } catch (error) {
    if (error instanceof DocumentRejected) return { ok: false, reason: error.reason, message: error.message };
    throw error;
  }
}
