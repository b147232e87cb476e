// Document extraction through the process's real worker pool (issue 14): the text comes back from a
// worker thread, a refusal reaches the caller as a DocumentRejected with its reason (not as a server
// failure), and the pool goes on serving after it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentRejected } from "@/server/documents/extract/document-rejected";
import { extractInWorker } from "@/server/documents/extract/extract-in-worker";
import { toWireError } from "@/server/errors";
import { createLogger } from "@/server/logger";
import { createWorkerPool, type WorkerPool } from "@/server/workers/create-worker-pool";
import { makePdf } from "../fixtures/documents/make-pdf";
import { REPORT_PARAGRAPHS, REPORT_TITLE, reportPage, utf8 } from "../fixtures/documents/samples";

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the extraction to fail");
    },
    (error: unknown) => error,
  );
}

describe("extracting documents in the worker pool", () => {
  let pool: WorkerPool;

  beforeAll(() => {
    // The production task table, one thread: every task here runs on the same worker, one after another.
    pool = createWorkerPool({ threads: 1, maxQueue: 4, taskTimeoutMs: 60_000, logger: createLogger("silent") });
  });

  afterAll(async () => {
    await pool?.close();
  });

  it("reads a PDF page by page on a worker thread", async () => {
    const document = await extractInWorker(pool, {
      bytes: makePdf(["Page one of the report.", "Page two."]),
      contentType: "application/pdf",
    });
    expect(document).toEqual({
      text: "Page one of the report.\n\nPage two.",
      pageStarts: [0, 25],
      format: "pdf",
    });
  });

  it("an encrypted PDF reaches the caller as DocumentRejected 'encrypted' (VALIDATION), and the next file is read", async () => {
    const encrypted = makePdf(["Eyes only."], { encryption: { userPassword: "secret", ownerPassword: "owner" } });
    const error = await rejection(extractInWorker(pool, { bytes: encrypted, contentType: "application/pdf" }));
    expect(error).toBeInstanceOf(DocumentRejected);
    expect((error as DocumentRejected).reason).toBe("encrypted");
    expect(toWireError(error)).toEqual({ code: "VALIDATION", message: (error as DocumentRejected).message });

    const page = await extractInWorker(pool, { bytes: utf8(reportPage()), contentType: "text/html; charset=utf-8" });
    expect(page.text).toBe([REPORT_TITLE, ...REPORT_PARAGRAPHS].join("\n\n"));
  });

  it("each reason crosses the thread boundary as it was given", async () => {
    const cases = [
      { bytes: makePdf(["Whole."]).subarray(0, 200), contentType: "application/pdf", reason: "corrupt" },
      { bytes: makePdf([{ drawingOnly: true }]), contentType: "application/pdf", reason: "empty" },
      { bytes: Uint8Array.from([0xc0, 0xc1]), contentType: "text/plain", reason: "corrupt" },
      { bytes: utf8("x"), contentType: "image/png", reason: "unsupported" },
      { bytes: utf8("a".repeat(1024 * 1024 + 1)), contentType: "text/plain", reason: "too-large" },
    ];
    for (const { bytes, contentType, reason } of cases) {
      const outcome = await pool.run("extract-document", { bytes, contentType });
      expect(outcome, reason).toMatchObject({ ok: false, reason });
    }
    expect(await extractInWorker(pool, { bytes: utf8("Still working."), contentType: "text/plain" })).toEqual({
      text: "Still working.",
      pageStarts: [],
      format: "text",
    });
  });
});
