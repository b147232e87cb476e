"use client";
// Sends new annotations through the IndexedDB outbox. A write is sent at once and recorded in the
// outbox in parallel, so the emit never waits behind IndexedDB (issue 11; the steps: outbox-write.ts);
// the submit settles only once the record is written (or the server has acknowledged the note), so the
// composer never clears a note that is in neither place. One without an answer stays "pending" and is
// sent again (same id, the idempotency key) each time the board goes live; one the server refuses
// becomes "failed" with the reason. Nothing is dropped silently: a failed write stays until the analyst
// edits or discards it. A write answered UNAVAILABLE with a retry hint (the server is up, its database
// is not) is shown as waiting for the server and sent again after the hint, or as soon as another write
// is saved (outbox-retry.ts): the socket stays live meanwhile, so going live would never send it. The
// list shown is kept up to date locally; IndexedDB is listed only on load and after a resend.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AnnotationCreateResult } from "@/lib/events";
import type { TAnnotationCreateInput } from "@/lib/schemas/annotation";
import { type OutboxEntry, outbox } from "./outbox";
import { createOutboxRetry } from "./outbox-retry";
import { type SubmitOutcome, settleWrite, submitNote } from "./outbox-write";

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
    if (!userId) return;
    const stored = await outbox.list(boardId, userId);
    // What the server last said about a waiting note is not stored; keep it from the list shown.
    setEntries((shown) => {
      const said = new Map(shown.map((entry) => [entry.id, entry.waiting]));
      return stored.map((entry) => {
        const waiting = entry.status === "pending" ? said.get(entry.id) : undefined;
        return waiting ? { ...entry, waiting } : entry;
      });
    });
  }, [boardId, userId]);

  /** The outbox list after a write settled: the entry as it now stands, or gone. */
  const list = useCallback(
    (id: string, listed: OutboxEntry | null) => (listed ? show(listed) : hide(id)),
    [show, hide],
  );

  // The retry timer outlives renders; it calls the flush of the latest render.
  const latestFlush = useRef<() => void>(() => {});
  const retry = useMemo(() => createOutboxRetry(() => latestFlush.current()), []);
  useEffect(() => () => retry.stop(), [retry]);

  // Sends what waits, oldest first, one at a time (so order holds), each time the board goes live and
  // when a retry is due. A write whose first send still waits for its ack is sent twice (same id);
  // whichever answer comes second is settled against the record as it then stands, so neither brings
  // back what the other removed.
  const flush = useCallback(() => {
    if (!userId) return;
    if (flushing.current) {
      // Asked again while a resend runs (a retry fell due, a write was saved): it goes round once more.
      queuedDuringFlush.current = true;
      return;
    }
    flushing.current = true;
    void (async () => {
      try {
        let waiting = false;
        do {
          queuedDuringFlush.current = false;
          waiting = false;
          for (const entry of await outbox.list(boardId, userId)) {
            if (entry.status !== "pending") continue;
            const result = await sendCreate(entry.payload);
            const settled = await settleWrite(outbox, entry, result);
            list(entry.id, settled.listed);
            if (settled.status === "pending") {
              if (!result.ok) retry.answeredLater(result.error);
              waiting = true;
              break;
            }
          }
        } while (queuedDuringFlush.current);
        if (!waiting) retry.drained();
      } finally {
        flushing.current = false;
        await reload();
      }
    })();
  }, [boardId, userId, sendCreate, list, reload, retry]);

  useEffect(() => {
    latestFlush.current = flush;
  }, [flush]);

  useEffect(() => {
    if (liveEpoch > 0) flush();
  }, [liveEpoch, flush]);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Sends the write now (or after the resend under way) and records it in parallel (outbox-write.ts). */
  const submit = useCallback(
    async (payload: TAnnotationCreateInput): Promise<SubmitOutcome> => {
      if (!userId)
        return { ok: false, error: { code: "UNAVAILABLE", message: "Still loading; try again in a moment" } };
      const entry: OutboxEntry = { id: payload.id, boardId, userId, payload, status: "pending", queuedAt: Date.now() };
      const resend = {
        running: () => flushing.current,
        goRoundAgain: () => {
          queuedDuringFlush.current = true;
        },
      };
      return submitNote({ entry, store: outbox, send: sendCreate, resend, retry, list });
    },
    [boardId, userId, sendCreate, list, retry],
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
