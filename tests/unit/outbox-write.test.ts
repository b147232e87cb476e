// A write through the outbox: sent before IndexedDB has it, kept there until the server answers, and
// never left behind as pending once acknowledged, whichever of the two finishes first.
import { describe, expect, it, vi } from "vitest";
import type { OutboxEntry } from "@/components/board/outbox";
import { type OutboxStore, settleWrite, submitNote, submitWrite } from "@/components/board/outbox-write";
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

/** An in-memory outbox whose first put finishes when the test says so (`stored`: once it has). */
function slowStore(steps: Step[]) {
  const records = new Map<string, OutboxEntry>();
  const firstPut = deferred<void>();
  const firstStored = deferred<void>();
  let puts = 0;
  const store: OutboxStore = {
    put: async (entry) => {
      steps.push(`put ${entry.status}`);
      const first = puts++ === 0;
      if (first) await firstPut.promise;
      records.set(entry.id, entry);
      steps.push(`stored ${entry.status}`);
      if (first) firstStored.resolve();
    },
    remove: async (id) => {
      steps.push("remove");
      records.delete(id);
    },
    get: async (id) => records.get(id),
    replace: async (entry) => {
      if (!records.has(entry.id)) return false;
      steps.push(`replace ${entry.status}`);
      records.set(entry.id, entry);
      return true;
    },
  };
  return { store, records, finishPut: firstPut.resolve, failPut: firstPut.reject, stored: firstStored.promise };
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
  return { send, answer: answer.resolve, answered: answer.promise };
}

describe("a write through the outbox", () => {
  it("is emitted before its record is written, and an ack that comes first leaves no record", async () => {
    const steps: Step[] = [];
    const { store, records, finishPut } = slowStore(steps);
    const { send, answer, answered } = sender(steps);
    const submitted = submitWrite({ entry, store, send, sendNow: true });
    void submitted.then(() => steps.push("settled"));
    expect(steps).toEqual(["emit entry", "put pending"]);
    answer(acked);
    // Barrier: the ack has reached whatever was waiting on it before this line; nothing moved on it alone.
    await answered;
    expect(steps).toEqual(["emit entry", "put pending"]);
    finishPut();
    const { outcome, listed } = await submitted;
    expect(outcome).toEqual({ ok: true });
    expect(listed).toBeNull();
    // The order proves it: settled only after the record was written, and removed only then.
    expect(steps).toEqual(["emit entry", "put pending", "stored pending", "remove", "settled"]);
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
    // Shown with what the server said ("waiting for the server"), not as refused.
    expect(listed?.waiting).toEqual(unavailable.ok ? undefined : unavailable.error);
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

// The first send is still waiting for its ack when the connection drops and comes back: going live resends
// the record (same id, which the server accepts) and removes it. The first send's late answer must not
// bring the note back as pending, nor mark a saved note as failed.
describe("a resend that wins against the original send", () => {
  async function resentMeanwhile() {
    const steps: Step[] = [];
    const { store, records, finishPut, stored } = slowStore(steps);
    const { send, answer } = sender(steps);
    const submitted = submitWrite({ entry, store, send, sendNow: true });
    finishPut();
    await stored;
    // The flush at going live: it found the record, resent it and was acknowledged.
    const resent = await settleWrite(store, { ...entry }, acked);
    expect(resent).toEqual({ status: "sent", listed: null });
    expect(records.size).toBe(0);
    return { submitted, answer, records, steps };
  }

  it("leaves no ghost pending row when the original send then times out", async () => {
    const { submitted, answer, records } = await resentMeanwhile();
    answer(unavailable);
    const { outcome, listed } = await submitted;
    expect(outcome).toEqual({ ok: true });
    expect(listed).toBeNull();
    expect(records.size).toBe(0);
  });

  it("writes no failed record, and the composer counts the note saved, when the original send is then refused", async () => {
    const { submitted, answer, records, steps } = await resentMeanwhile();
    answer({ ok: false, error: { code: "RATE_LIMITED", message: "slow down" } });
    const { outcome, listed } = await submitted;
    expect(outcome).toEqual({ ok: true });
    expect(listed).toBeNull();
    expect(records.size).toBe(0);
    expect(steps).not.toContain("stored failed");
  });

  it("and the other way round: a resend answered after the original's ack leaves nothing behind", async () => {
    const steps: Step[] = [];
    const { store, records, finishPut } = slowStore(steps);
    const { send, answer } = sender(steps);
    const submitted = submitWrite({ entry, store, send, sendNow: true });
    finishPut();
    answer(acked);
    expect((await submitted).listed).toBeNull();
    expect(await settleWrite(store, entry, unavailable)).toEqual({ status: "elsewhere", listed: null });
    expect(await settleWrite(store, entry, refused)).toEqual({ status: "elsewhere", listed: null });
    expect(records.size).toBe(0);
  });
});

// A note written while a resend of older notes runs waits its turn; when the resend has finished by the
// time the note is recorded, the note is sent by the submit itself ("late"). Whatever that send is told
// reaches the outbox's retry as from any other send.
describe("a note written while a resend runs", () => {
  const databaseDown: AnnotationCreateResult = {
    ok: false,
    error: { code: "UNAVAILABLE", message: "The database is unreachable; retry in a moment", retryAfterMs: 2_000 },
  };

  /** A resend that is running when the note is submitted and has finished once its record is written. */
  function finishingResend(steps: Step[], answer: AnnotationCreateResult) {
    const { store, records, finishPut } = slowStore(steps);
    let running = true;
    const resend = { running: () => running, goRoundAgain: vi.fn() };
    const retry = { answeredLater: vi.fn(), saved: vi.fn() };
    const list = vi.fn();
    const send = async (payload: OutboxEntry["payload"]) => {
      steps.push(`emit ${payload.id === entry.id ? "entry" : "other"}`);
      return answer;
    };
    const submitted = submitNote({ entry, store, send, resend, retry, list });
    running = false;
    finishPut();
    return { submitted, records, resend, retry, list };
  }

  it("is sent once the resend has finished, and being saved sends the notes waiting for the server at once", async () => {
    const steps: Step[] = [];
    const { submitted, records, resend, retry, list } = finishingResend(steps, acked);
    expect(await submitted).toEqual({ ok: true });
    expect(steps).toEqual(["put pending", "stored pending", "emit entry", "remove"]);
    expect(records.size).toBe(0);
    expect(list).toHaveBeenLastCalledWith(entry.id, null);
    expect(retry.saved).toHaveBeenCalledTimes(1);
    expect(retry.answeredLater).not.toHaveBeenCalled();
    expect(resend.goRoundAgain).not.toHaveBeenCalled();
  });

  it("is sent once the resend has finished, and told 'later' arms the retry", async () => {
    const steps: Step[] = [];
    const { submitted, records, retry, list } = finishingResend(steps, databaseDown);
    expect(await submitted).toEqual({ ok: true });
    expect(records.get(entry.id)?.status).toBe("pending");
    expect(list).toHaveBeenLastCalledWith(entry.id, expect.objectContaining({ status: "pending" }));
    expect(retry.answeredLater).toHaveBeenCalledWith(databaseDown.ok ? undefined : databaseDown.error);
    expect(retry.saved).not.toHaveBeenCalled();
  });

  it("is left to the resend, which goes round once more, when it still runs", async () => {
    const steps: Step[] = [];
    const { store, finishPut } = slowStore(steps);
    const resend = { running: () => true, goRoundAgain: vi.fn() };
    const retry = { answeredLater: vi.fn(), saved: vi.fn() };
    const { send } = sender(steps);
    const submitted = submitNote({ entry, store, send, resend, retry, list: vi.fn() });
    finishPut();
    expect(await submitted).toEqual({ ok: true });
    expect(steps).not.toContain("emit entry");
    expect(resend.goRoundAgain).toHaveBeenCalledTimes(1);
    expect(retry.saved).not.toHaveBeenCalled();
  });

  it("sent at once and saved, also sends the notes waiting for the server", async () => {
    const steps: Step[] = [];
    const { store, finishPut } = slowStore(steps);
    const resend = { running: () => false, goRoundAgain: vi.fn() };
    const retry = { answeredLater: vi.fn(), saved: vi.fn() };
    const { send, answer } = sender(steps);
    const submitted = submitNote({ entry, store, send, resend, retry, list: vi.fn() });
    answer(acked);
    finishPut();
    expect(await submitted).toEqual({ ok: true });
    expect(steps).toEqual(["emit entry", "put pending", "stored pending", "remove"]);
    expect(retry.saved).toHaveBeenCalledTimes(1);
  });
});
