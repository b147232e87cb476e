"use client";
// Sends new annotations through the IndexedDB outbox: every write is stored before it is sent, stays
// "pending" until the server acknowledges it, is sent again (same id) each time the board goes live,
// and becomes "failed", with the server's reason, when the server refuses it. Nothing is dropped
// silently: a failed write stays until the analyst edits or discards it.
import { useCallback, useEffect, useRef, useState } from "react";
import type { WireError } from "@/lib/errors";
import type { AnnotationCreateResult } from "@/lib/events";
import type { TAnnotationCreateInput } from "@/lib/schemas/annotation";
import { type OutboxEntry, outbox } from "./outbox";

type SendCreate = (input: TAnnotationCreateInput) => Promise<AnnotationCreateResult>;

/** Either safely queued (and perhaps already sent), or refused by the server with its reason. */
export type SubmitOutcome = { ok: true } | { ok: false; error: WireError };

export function useOutbox(options: {
  boardId: string;
  userId: string | undefined;
  liveEpoch: number;
  sendCreate: SendCreate;
}) {
  const { boardId, userId, liveEpoch, sendCreate } = options;
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const flushing = useRef(false);

  const reload = useCallback(async () => {
    if (userId) setEntries(await outbox.list(boardId, userId));
  }, [boardId, userId]);

  /** Sends one entry; keeps it pending when there is no answer, marks it failed when refused. */
  const deliver = useCallback(
    async (entry: OutboxEntry): Promise<"sent" | "pending" | "failed"> => {
      const result = await sendCreate(entry.payload);
      if (result.ok) {
        await outbox.remove(entry.id);
        return "sent";
      }
      if (result.error.code === "UNAVAILABLE") return "pending";
      await outbox.put({ ...entry, status: "failed", error: result.error });
      return "failed";
    },
    [sendCreate],
  );

  // Each time the board goes live, send what waits, oldest first, one at a time (so order holds).
  useEffect(() => {
    if (!userId || liveEpoch === 0 || flushing.current) return;
    flushing.current = true;
    void (async () => {
      try {
        for (const entry of await outbox.list(boardId, userId)) {
          if (entry.status !== "pending") continue;
          if ((await deliver(entry)) === "pending") break;
        }
      } finally {
        flushing.current = false;
        await reload();
      }
    })();
  }, [boardId, userId, liveEpoch, deliver, reload]);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Stores the write first, then tries to send it. The promise settles once it is safely queued or sent. */
  const submit = useCallback(
    async (payload: TAnnotationCreateInput): Promise<SubmitOutcome> => {
      if (!userId)
        return { ok: false, error: { code: "UNAVAILABLE", message: "Still loading; try again in a moment" } };
      const entry: OutboxEntry = { id: payload.id, boardId, userId, payload, status: "pending", queuedAt: Date.now() };
      await outbox.put(entry);
      await reload();
      const outcome = flushing.current ? "pending" : await deliver(entry);
      await reload();
      if (outcome === "failed") {
        const failed = (await outbox.list(boardId, userId)).find((candidate) => candidate.id === entry.id);
        return { ok: false, error: failed?.error ?? { code: "INTERNAL", message: "Refused" } };
      }
      return { ok: true };
    },
    [boardId, userId, deliver, reload],
  );

  const discard = useCallback(
    async (id: string) => {
      await outbox.remove(id);
      await reload();
    },
    [reload],
  );

  return { entries, submit, discard };
}
