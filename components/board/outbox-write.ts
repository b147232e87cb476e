// One write through the outbox, apart from React so its order of steps can be tested: the emit goes out
// at once and the record is written in parallel; the submit settles once the record is written and the
// server has answered. An acknowledged write's record is removed only after its own write finished, so
// an ack that beats IndexedDB leaves no pending record behind (and the same id makes any resend harmless).
// Two sends of one note can overlap: the first is still waiting for its ack when the board goes live
// again and the resend finds the record. Whichever answer comes second must not bring back a record (or
// a "pending" row) the first one's ack already removed, so a send that was not acknowledged only
// touches the record if it is still there. submitNote is the whole of one new note: sent now or after
// a resend under way, and the outbox's retry told how each send settled.
import type { WireError } from "@/lib/errors";
import type { AnnotationCreateResult } from "@/lib/events";
import type { OutboxEntry } from "./outbox";
import type { OutboxRetry } from "./outbox-retry";

export type OutboxStore = {
  put: (entry: OutboxEntry) => Promise<void>;
  remove: (id: string) => Promise<void>;
  get: (id: string) => Promise<OutboxEntry | undefined>;
  /** Writes the entry over its record in one transaction, only if the record is still there. */
  replace: (entry: OutboxEntry) => Promise<boolean>;
};

/** Either safely queued (and perhaps already sent), or refused by the server with its reason. */
export type SubmitOutcome = { ok: true } | { ok: false; error: WireError };

/**
 * What the outbox list shows of the entry afterwards: it, as pending or failed, or nothing. `elsewhere`:
 * this send was not acknowledged but the record is gone, removed by another send of the same note that was.
 */
export type Settled = { status: "sent" | "pending" | "failed" | "elsewhere"; listed: OutboxEntry | null };

const NOT_KEPT: WireError = {
  code: "UNAVAILABLE",
  message: "Not sent, and this browser could not keep it for later; try again when live",
};

/** Records what the server answered about an entry whose record is written. */
export async function settleWrite(
  store: OutboxStore,
  entry: OutboxEntry,
  result: AnnotationCreateResult,
): Promise<Settled> {
  if (result.ok) {
    // Should the removal fail, the record is sent again at the next live: the same id, no twin.
    await store.remove(entry.id).catch(() => undefined);
    return { status: "sent", listed: null };
  }
  if (result.error.code === "UNAVAILABLE") {
    // The record as it now stands (another send may have settled it); if IndexedDB cannot say, the
    // entry is shown as pending, as it was written.
    const current = await store.get(entry.id).catch(() => entry);
    return current
      ? { status: "pending", listed: { ...current, waiting: result.error } }
      : { status: "elsewhere", listed: null };
  }
  const failed: OutboxEntry = { ...entry, status: "failed", error: result.error };
  if (!(await store.replace(failed))) return { status: "elsewhere", listed: null };
  return { status: "failed", listed: failed };
}

/**
 * Sends `entry` now (unless `sendNow` is false: a resend is under way and it waits its turn) while its
 * record is written. Settles after both: ok when the note is kept or saved, the server's reason when
 * refused.
 */
export async function submitWrite(options: {
  entry: OutboxEntry;
  store: OutboxStore;
  send: (payload: OutboxEntry["payload"]) => Promise<AnnotationCreateResult>;
  sendNow: boolean;
}): Promise<{ outcome: SubmitOutcome; listed: OutboxEntry | null }> {
  const { entry, store, send, sendNow } = options;
  const sending = sendNow ? send(entry.payload) : null;
  const stored = await store.put(entry).then(
    () => true,
    () => false,
  );
  if (!sending) {
    return stored
      ? { outcome: { ok: true }, listed: entry }
      : { outcome: { ok: false, error: NOT_KEPT }, listed: null };
  }
  const result = await sending;
  if (!stored) {
    // Without a record, only the server's acknowledgement keeps the note.
    if (result.ok) return { outcome: { ok: true }, listed: null };
    return {
      outcome: { ok: false, error: result.error.code === "UNAVAILABLE" ? NOT_KEPT : result.error },
      listed: null,
    };
  }
  const settled = await settleWrite(store, entry, result);
  if (settled.status === "failed" && !result.ok)
    return { outcome: { ok: false, error: result.error }, listed: settled.listed };
  return { outcome: { ok: true }, listed: settled.listed };
}

/** The outbox's resend (use-outbox.ts's flush), as a new note sees it. */
export type Resend = {
  /** A resend is going through the outbox now. */
  running: () => boolean;
  /** Asks the running resend to go round once more (it lists the outbox again). */
  goRoundAgain: () => void;
};

/**
 * Submits a new note through the outbox (submitWrite) and tells `list` and `retry` how each of its sends
 * settled: a note told "later" arms the retry, and a note the server saved sends what waits at once.
 */
export async function submitNote(options: {
  entry: OutboxEntry;
  store: OutboxStore;
  send: (payload: OutboxEntry["payload"]) => Promise<AnnotationCreateResult>;
  resend: Resend;
  retry: Pick<OutboxRetry, "answeredLater" | "saved">;
  list: (id: string, listed: OutboxEntry | null) => void;
}): Promise<SubmitOutcome> {
  const { entry, store, send, resend, retry, list } = options;
  const settled = (listed: OutboxEntry | null, saved: boolean) => {
    list(entry.id, listed);
    if (listed?.waiting) retry.answeredLater(listed.waiting);
    else if (saved) retry.saved();
  };
  // While a resend runs, a new note waits its turn behind the older ones (order holds).
  const sendNow = !resend.running();
  const { outcome, listed } = await submitWrite({ entry, store, send, sendNow });
  settled(listed, sendNow && outcome.ok && !listed);
  if (sendNow || !outcome.ok) return outcome;
  // Recorded once the resend had listed what waits: it goes round once more, or, if it has finished
  // meanwhile, the note is sent now.
  if (resend.running()) resend.goRoundAgain();
  else {
    const late = await settleWrite(store, entry, await send(entry.payload));
    settled(late.listed, late.status === "sent");
  }
  return outcome;
}
