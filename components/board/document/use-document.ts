"use client";
// Loads versions of one source's document over the board's socket (source:read), keeping those already
// read: a version never changes once written, so showing it again is a lookup, not a request.
import { useEffect, useRef, useState } from "react";
import type { SourceReadAnswer, WireSourceVersionInfo } from "@/lib/schemas/document";
import { describeFailure } from "../../ui/api-request";
import type { BoardSend } from "../use-live-board";

export type DocumentVersion = Pick<SourceReadAnswer, "version" | "text" | "pageStarts" | "format">;

export function useDocument({
  boardId,
  sourceId,
  version,
  send,
}: {
  boardId: string;
  sourceId: string;
  /** The version to show; 0 while the source has none. */
  version: number;
  send: BoardSend;
}) {
  const [loaded, setLoaded] = useState<DocumentVersion | null>(null);
  /** Every version's number, author and date, as the latest answer listed them. */
  const [versions, setVersions] = useState<WireSourceVersionInfo[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const cache = useRef(new Map<string, DocumentVersion>());

  useEffect(() => {
    if (version < 1) return;
    let current = true;
    const known = cache.current.get(`${sourceId}@${version}`);
    if (known) {
      setLoaded(known);
      return;
    }
    setProblem(null);
    void send("source:read", { boardId, id: sourceId, version }).then((result) => {
      if (!current) return;
      if (!result.ok) {
        setProblem(describeFailure(result.error));
        return;
      }
      const { versions: listed, ...shown } = result;
      cache.current.set(`${sourceId}@${shown.version}`, shown);
      setLoaded(shown);
      setVersions((before) => (listed.length >= before.length ? listed : before));
    });
    return () => {
      current = false;
    };
  }, [boardId, sourceId, version, send]);

  // The version last loaded stays shown while the next one loads: the text does not blink away on every
  // revision, and its highlights are drawn for the version it is.
  return { document: loaded, loading: version >= 1 && loaded?.version !== version, versions, problem };
}
