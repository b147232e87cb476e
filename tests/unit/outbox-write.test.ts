// A write through the outbox: sent before IndexedDB has it, kept there until the server answers, and
// never left behind as pending once acknowledged, whichever of the two finishes first.
import { describe, expect, it } from "vitest";
import type { OutboxEntry } from "@/components/board/outbox";
import { type OutboxStore, submitWrite } from "@/components/board/outbox-write";
import type { AnnotationCreateResult } from "@/lib/events";
import type { WireAnnotation } from "@/lib/schemas/annotation";

type Step = string;

/** A promise settled from outside, to put the store's write and the server's answer in either order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** An in-memory outbox whose first put finishes when the test says so. */
function slowStore(steps: Step[]) {
  const records = new Map<string, OutboxEntry>();
  const firstPut = deferred<void>();
  let puts = 0;
  const store: OutboxStore = {
    put: async (entry) => {
      steps.push(`put ${entry.status}`);
      if (puts++ === 0) await firstPut.promise;
      records.set(entry.id, entry);
      steps.push(`stored ${entry.status}`);
    },
    remove: async (id) => {
      steps.push("remove");
      records.delete(id);
    },
  };
  return { store, records, finishPut: firstPut.resolve, failPut: firstPut.reject };
}

const entry: OutboxEntry = {
  id: "3f8a1c52-6d0e-4b7a-9b1e-2c4d5e6f7a8b",
  boardId: "6a4f8a36-3f1e-4d38-9d7e-6f0f8f3b9c11",
  userId: "u1",
  payload: {
    id: "3f8a1c52-6d0e-4b7a-9b1e-2c4d5e6f7a8b",
    boardId: "6a4f8a36-3f1e-4d38-9d7e-6f0f8f3b9c11",
    target: { type: "board" },
    body: "Convoy seen near Yelnya",
  },
  status: "pending",
  queuedAt: 1,
};

const acked: AnnotationCreateResult = { ok: true, annotation: {} as WireAnnotation, seq: 7 };
const unavailable: AnnotationCreateResult = { ok: false, error: { code: "UNAVAILABLE", message: "offline" } };
const refused: AnnotationCreateResult = { ok: false, error: { code: "VALIDATION", message: "needs a confidence" } };

function sender(steps: Step[]) {
  const answer = deferred<AnnotationCreateResult>();
  const send = (payload: OutboxEntry["payload"]) => {
    steps.push(`emit ${payload.id === entry.id ? "entry" : "other"}`);
    return answer.promise;
  };
  return { send, answer: answer.resolve };
}

describe("a write through the outbox", () => {
  it("is emitted before its record is written, and an ack that comes first leaves no record", async () => {
    const steps: Step[] = [];
    const { store, records, finishPut } = slowStore(steps);
    const { send, answer } = sender(steps);
    const submitted = submitWrite({ entry, store, send, sendNow: true });
    expect(steps).toEqual(["emit entry", "put pending"]);
    answer(acked);
    await Promise.resolve();
    let settled = false;
    void submitted.then(() => {
      settled = true;
    });
    await new Promise((next) => setTimeout(next, 0));
    expect(settled).toBe(false);
    finishPut();
    const { outcome, listed } = await submitted;
    expect(outcome).toEqual({ ok: true });
    expect(listed).toBeNull();
    expect(steps).toEqual(["emit entry", "put pending", "stored pending", "remove"]);
    expect(records.size).toBe(0);
  });

  it("stays pending, and is shown so, when the server cannot be reached", async () => {
    const steps: Step[] = [];
    const { store, records, finishPut } = slowStore(steps);
    const { send, answer } = sender(steps);
    const submitted = submitWrite({ entry, store, send, sendNow: true });
    finishPut();
    answer(unavailable);
    const { outcome, listed } = await submitted;
    expect(outcome).toEqual({ ok: true });
    expect(listed?.status).toBe("pending");
    expect(records.get(entry.id)?.status).toBe("pending");
  });

  it("becomes failed with the server's reason when refused, and the submit says why", async () => {
    const steps: Step[] = [];
    const { store, records, finishPut } = slowStore(steps);
    const { send, answer } = sender(steps);
    const submitted = submitWrite({ entry, store, send, sendNow: true });
    answer(refused);
    finishPut();
    const { outcome, listed } = await submitted;
    expect(outcome).toEqual({ ok: false, error: { code: "VALIDATION", message: "needs a confidence" } });
    expect(listed?.status).toBe("failed");
    expect(records.get(entry.id)).toMatchObject({ status: "failed", error: { code: "VALIDATION" } });
  });

  it("counts as saved when the browser cannot keep it but the server acknowledged it", async () => {
    const steps: Step[] = [];
    const { store, records, failPut } = slowStore(steps);
    const { send, answer } = sender(steps);
    const submitted = submitWrite({ entry, store, send, sendNow: true });
    failPut(new Error("quota"));
    answer(acked);
    expect((await submitted).outcome).toEqual({ ok: true });
    expect(records.size).toBe(0);
  });

  it("is refused, so the composer keeps the text, when neither the browser nor the server has it", async () => {
    const steps: Step[] = [];
    const { store, failPut } = slowStore(steps);
    const { send, answer } = sender(steps);
    const submitted = submitWrite({ entry, store, send, sendNow: true });
    failPut(new Error("quota"));
    answer(unavailable);
    const { outcome } = await submitted;
    expect(outcome.ok).toBe(false);
  });

  it("waits, recorded as pending and not sent, while a resend of older writes is under way", async () => {
    const steps: Step[] = [];
    const { store, records, finishPut } = slowStore(steps);
    const { send } = sender(steps);
    const submitted = submitWrite({ entry, store, send, sendNow: false });
    finishPut();
    const { outcome, listed } = await submitted;
    expect(outcome).toEqual({ ok: true });
    expect(listed?.status).toBe("pending");
    expect(steps).not.toContain("emit entry");
    expect(records.get(entry.id)?.status).toBe("pending");
  });
});
