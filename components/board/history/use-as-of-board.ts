"use client";
// The board as it stood at an instant (issue 19), for the read-only "as of" view. The instant lives in the
// page's URL (?asOf=…), so the view can be shared and reloaded; the snapshot comes from
// GET /api/boards/:slug/snapshot?asOf=. The live board stays joined underneath: going back is instant.
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { type LiveBoard, liveBoardOf } from "@/lib/board-state";
import type { WireError } from "@/lib/errors";
import type { SnapshotAsOf } from "@/lib/schemas/shift";

export type AsOfBoard = {
  /** The instant asked for (from the URL), or null for the live board. */
  asOf: string | null;
  /** The board as it stood then, once loaded. */
  board: LiveBoard | null;
  problem: string | null;
  /** Shows the board as of an instant, or live again with null. */
  show: (asOf: string | null) => void;
  /** Asks for the snapshot again after a failed load. */
  retry: () => void;
};

export const AS_OF_PARAM = "asOf";

export function useAsOfBoard(slug: string): AsOfBoard {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const asOf = searchParams.get(AS_OF_PARAM);
  const [loaded, setLoaded] = useState<{ asOf: string; board: LiveBoard } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt asks again
  useEffect(() => {
    setProblem(null);
    if (asOf === null) return;
    const abort = new AbortController();
    const url = `/api/boards/${encodeURIComponent(slug)}/snapshot?${new URLSearchParams({ asOf })}`;
    fetch(url, { signal: abort.signal })
      .then(async (response) => {
        const body = (await response.json()) as Partial<SnapshotAsOf> & { error?: WireError };
        if (body.snapshot && body.seq !== undefined) setLoaded({ asOf, board: liveBoardOf(body.seq, body.snapshot) });
        else setProblem(body.error?.message ?? "The board as of that time could not be loaded");
      })
      .catch(() => {
        if (!abort.signal.aborted) setProblem("The server could not be reached");
      });
    return () => abort.abort();
  }, [slug, asOf, attempt]);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);

  const show = useCallback(
    (next: string | null) => {
      const query = new URLSearchParams(searchParams);
      if (next === null) query.delete(AS_OF_PARAM);
      else query.set(AS_OF_PARAM, next);
      const text = query.toString();
      // Pushed, not replaced: the browser's Back returns to the board as it was shown before.
      window.history.pushState(null, "", text ? `${pathname}?${text}` : pathname);
    },
    [pathname, searchParams],
  );

  return { asOf, board: asOf !== null && loaded?.asOf === asOf ? loaded.board : null, problem, show, retry };
}
