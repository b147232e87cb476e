"use client";
// Sends new annotations through the IndexedDB outbox. A write is sent at once and recorded in the
// outbox in parallel, so the emit never waits behind IndexedDB (issue 11; the steps: outbox-write.ts);
// the submit settles only once the record is written (or the server has acknowledged the note), so the
// composer never clears a note that is in neither place. One without an answer stays "pending" and is
// sent again (same id, the idempotency key) each time the board goes live; one the server refuses
// becomes "failed" with the reason. Nothing is dropped silently: a failed write stays until the analyst
// edits or discards it. The list shown is kept up to date locally; IndexedDB is listed only on load and
// after a resend.
import { useCallback, useEffect, useRef, useState } from "react";
import type { AnnotationCreateResult } from "@/lib/events";
import type { TAnnotationCreateInput } from "@/lib/schemas/annotation";
import { type OutboxEntry, outbox } from "./outbox";
import { type SubmitOutcome, settleWrite, submitWrite } from "./outbox-write";

export type { SubmitOutcome };

type SendCreate = (input: TAnnotationCreateInput) => Promise<AnnotationCreateResult>;

export function useOutbox(options: {
  boardId: string;
  userId: string | undefined;
  liveEpoch: number;
  sendCreate: SendCreate;
}) {
  const { boardId, userId, liveEpoch, sendCreate } = options;
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const flushing = useRef(false);
  /** A write queued while a resend was under way: the resend goes round once more. */
  const queuedDuringFlush = useRef(false);

  const show = useCallback((entry: OutboxEntry) => {
    setEntries((shown) =>
      [...shown.filter((existing) => existing.id !== entry.id), entry].sort((a, b) => a.queuedAt - b.queuedAt),
    );
  }, []);
  const hide = useCallback((id: string) => {
    setEntries((shown) => (shown.some((entry) => entry.id === id) ? shown.filter((entry) => entry.id !== id) : shown));
  }, []);

  const reload = useCallback(async () => {
    if (userId) setEntries(await outbox.list(boardId, userId));
  }, [boardId, userId]);

  /** The outbox list after a write settled: the entry as it now stands, or gone. */
  const list = useCallback(
    (id: string, listed: OutboxEntry | null) => (listed ? show(listed) : hide(id)),
    [show, hide],
  );

  // Each time the board goes live, send what waits, oldest first, one at a time (so order holds). A
  // write whose first send still waits for its ack is sent twice (same id); whichever answer comes second
  // is settled against the record as it then stands, so neither brings back what the other removed.
  useEffect(() => {
    if (!userId || liveEpoch === 0 || flushing.current) return;
    flushing.current = true;
    void (async () => {
      try {
        do {
          queuedDuringFlush.current = false;
          for (const entry of await outbox.list(boardId, userId)) {
            if (entry.status !== "pending") continue;
            const settled = await settleWrite(outbox, entry, await sendCreate(entry.payload));
            list(entry.id, settled.listed);
            if (settled.status === "pending") break;
          }
        } while (queuedDuringFlush.current);
      } finally {
        flushing.current = false;
        await reload();
      }
    })();
  }, [boardId, userId, liveEpoch, sendCreate, list, reload]);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Sends the write now and records it in parallel (outbox-write.ts). */
  const submit = useCallback(
    async (payload: TAnnotationCreateInput): Promise<SubmitOutcome> => {
      if (!userId)
        return { ok: false, error: { code: "UNAVAILABLE", message: "Still loading; try again in a moment" } };
      const entry: OutboxEntry = { id: payload.id, boardId, userId, payload, status: "pending", queuedAt: Date.now() };
      // While a resend runs, a new write waits its turn behind the older ones (order holds).
      const sendNow = !flushing.current;
      const { outcome, listed } = await submitWrite({ entry, store: outbox, send: sendCreate, sendNow });
      list(entry.id, listed);
      if (!sendNow && outcome.ok) {
        // Recorded once the resend had listed what waits: it goes round once more, or, if it has
        // finished meanwhile, the write is sent now.
        if (flushing.current) queuedDuringFlush.current = true;
        else list(entry.id, (await settleWrite(outbox, entry, await sendCreate(payload))).listed);
      }
      return outcome;
    },
    [boardId, userId, sendCreate, list],
  );

  const discard = useCallback(
    async (id: string) => {
      await outbox.remove(id);
      hide(id);
    },
    [hide],
  );

  return { entries, submit, discard };
}
