"use client";
// The board's evidence index for EvidenceLines (issue 15). Rebuilt when the threads change, but handed on
// as the same object while no evidence passage changed, so a note elsewhere re-renders no evidence line.
import { useMemo, useRef } from "react";
import type { BoardState } from "@/lib/board-state";
import type { EvidenceBoard } from "./EvidenceLines";
import { type Evidence, type EvidenceKey, evidenceIndex } from "./evidence";

export function useEvidence(state: BoardState | undefined, open: EvidenceBoard["open"]): EvidenceBoard {
  const threads = state?.annotations.threads;
  const threadOrder = state?.annotations.threadOrder;
  const sources = state?.sources.byId;
  const previous = useRef<Map<EvidenceKey, Evidence[]>>(new Map());
  const evidence = useMemo(() => {
    const next =
      threads && threadOrder && sources ? evidenceIndex({ order: threadOrder, byHead: threads }, sources) : new Map();
    if (sameEvidence(previous.current, next)) return previous.current;
    previous.current = next;
    return next;
  }, [threads, threadOrder, sources]);
  return useMemo(() => ({ evidence, open }), [evidence, open]);
}

function sameEvidence(a: ReadonlyMap<EvidenceKey, Evidence[]>, b: ReadonlyMap<EvidenceKey, Evidence[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, list] of a) {
    const other = b.get(key);
    if (!other || other.length !== list.length) return false;
    if (list.some((item, index) => !sameItem(item, other[index]))) return false;
  }
  return true;
}

const sameItem = (a: Evidence, b: Evidence | undefined) =>
  !!b && (Object.keys(a) as (keyof Evidence)[]).every((field) => a[field] === b[field]);
