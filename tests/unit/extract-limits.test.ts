// What any document upload is refused for (issue 14): a type other than the three supported, a file
// over 5 MiB (refused before a parser sees it), or more than 1 MiB of text; and how a refusal reads.
import { describe, expect, it, vi } from "vitest";
import { DOCUMENT_LIMITS } from "@/server/documents/extract/document-limits";
import { DocumentRejected } from "@/server/documents/extract/document-rejected";
import { extractDocument } from "@/server/documents/extract/extract-document";
import { extractInWorker } from "@/server/documents/extract/extract-in-worker";
import { toWireError } from "@/server/errors";
import type { WorkerPool } from "@/server/workers/create-worker-pool";
import { utf8 } from "../fixtures/documents/samples";

async function refusal(promise: Promise<unknown>): Promise<DocumentRejected> {
  const error = await promise.then(
    () => new Error("expected the document to be refused"),
    (caught: unknown) => caught,
  );
  if (!(error instanceof DocumentRejected)) throw error;
  return error;
}

const MIB = 1024 * 1024;

describe("document limits", () => {
  it("refuses a 6 MiB file of every type as too large before parsing it", async () => {
    // Garbage that each parser would refuse as corrupt: too-large shows no parser got to it.
    const sixMib = new Uint8Array(6 * MIB).fill(0xff);
    for (const contentType of ["text/plain", "text/html", "application/pdf"]) {
      const error = await refusal(extractDocument({ bytes: sixMib, contentType }));
      expect(error.reason, contentType).toBe("too-large");
      expect(error.message).toBe("The file is 6.0 MiB, over the 5 MiB limit for documents");
    }
  });

  it("accepts a file of exactly 5 MiB, and refuses one byte more", async () => {
    const fiveMib = new Uint8Array(DOCUMENT_LIMITS.maxFileBytes).fill(0x61);
    const error = await refusal(extractDocument({ bytes: fiveMib, contentType: "text/plain" }));
    expect(error.reason).toBe("too-large");
    expect(error.message).toMatch(/text is 5\.0 MiB, over the 1 MiB limit of text/);
    const overByOne = await refusal(extractDocument({ bytes: new Uint8Array(5 * MIB + 1), contentType: "text/plain" }));
    expect(overByOne.message).toBe("The file is 5.1 MiB, over the 5 MiB limit for documents");
  });

  it("holds text to 1 MiB of UTF-8: exactly 1 MiB passes, one byte more does not", async () => {
    const atLimit = "a".repeat(MIB);
    expect((await extractDocument({ bytes: utf8(atLimit), contentType: "text/plain" })).text).toHaveLength(MIB);
    const over = await refusal(extractDocument({ bytes: utf8(`${atLimit}b`), contentType: "text/plain" }));
    expect(over.reason).toBe("too-large");
  });

  it("counts Cyrillic text in UTF-8 bytes (two each), as PostgreSQL stores it", async () => {
    const cyrillic = "я".repeat(MIB / 2 + 1);
    expect((await refusal(extractDocument({ bytes: utf8(cyrillic), contentType: "text/plain" }))).reason).toBe(
      "too-large",
    );
  });

  it("refuses another type as unsupported, naming the three that are", async () => {
    for (const contentType of ["image/png", "application/msword", "", "text/plainish"]) {
      const error = await refusal(extractDocument({ bytes: utf8("x"), contentType }));
      expect(error.reason, contentType).toBe("unsupported");
      expect(error.message).toMatch(/plain text, HTML or PDF \(text\/plain, text\/html, application\/pdf\)/);
    }
  });

  it("reaches a client as VALIDATION with the analyst's message", () => {
    const wire = toWireError(new DocumentRejected("encrypted", "The PDF is encrypted with a password"));
    expect(wire).toEqual({ code: "VALIDATION", message: "The PDF is encrypted with a password" });
  });

  it("in the worker pool: a file over the limit is refused before it is copied to a worker", async () => {
    const run = vi.fn();
    const workers = { run } as unknown as Pick<WorkerPool, "run">;
    const error = await refusal(
      extractInWorker(workers, { bytes: new Uint8Array(6 * MIB), contentType: "text/plain" }),
    );
    expect(error.reason).toBe("too-large");
    expect(run).not.toHaveBeenCalled();
  });
});
