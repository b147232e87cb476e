// The main thread's way to extract a document: the size limit is checked before the bytes are copied
// to a worker; the worker's refusal becomes a DocumentRejected again (VALIDATION at the edge); a
// parser that crashes or hangs fails as any worker task does (WorkerTaskFailed, WorkerTaskTimedOut).
import type { WorkerPool } from "../../workers/create-worker-pool";
import { checkFileSize } from "./document-limits";
import { DocumentRejected } from "./document-rejected";
import type { DocumentFile, ExtractedDocument } from "./extract-document";

export async function extractInWorker(
  workers: Pick<WorkerPool, "run">,
  file: DocumentFile,
): Promise<ExtractedDocument> {
  checkFileSize(file.bytes.byteLength);
  const outcome = await workers.run("extract-document", file);
  if (!outcome.ok) throw new DocumentRejected(outcome.reason, outcome.message);
  return outcome.document;
}
