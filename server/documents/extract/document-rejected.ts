// Why an uploaded document was refused, in words an analyst can act on (issue 14). Thrown by
// extractDocument; a refusal is the file's fault, so it is a VALIDATION error at every edge.
import { AppError } from "../../errors";

export const REJECTION_REASONS = ["unsupported", "corrupt", "encrypted", "empty", "too-large"] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export class DocumentRejected extends AppError {
  override name = "DocumentRejected";
  constructor(
    readonly reason: RejectionReason,
    message: string,
  ) {
    super("VALIDATION", message);
  }
}

/** A refusal as plain data: what crosses from a worker thread, where an Error would lose its class and reason. */
export type RejectionData = { reason: RejectionReason; message: string };
