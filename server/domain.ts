// What every write service needs besides the actor and the input: the database, the live path, the
// write limiter, and the worker pool for heavy work. Built once by the composition root.
import {
  type CreateAnnotationResult,
  type CreateRequest,
  commitAnnotationBatch,
} from "./annotations/commit-annotation-batch";
import type { BaseDomain } from "./base-domain";
import { createGroupCommitQueue, type GroupCommitQueue } from "./db/group-commit";

// Re-exported: callers that build or fake a domain name its parts from here.
export type { BaseDomain } from "./base-domain";

export type Domain = BaseDomain & {
  /** annotation:create requests, group-committed per board (server/db/group-commit.ts). */
  annotationCreates: GroupCommitQueue<CreateRequest, CreateAnnotationResult>;
};

/** Most creates that wait for one board's commit to finish go together in its next transaction. */
const MAX_ANNOTATIONS_PER_COMMIT = 200;

export function createDomain(base: BaseDomain): Domain {
  return {
    ...base,
    annotationCreates: createGroupCommitQueue({
      maxBatch: MAX_ANNOTATIONS_PER_COMMIT,
      flush: (boardId, requests) => commitAnnotationBatch(base, boardId, requests),
    }),
  };
}
