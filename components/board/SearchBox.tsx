"use client";
// One search box over the board (issue 14): notes and the documents' current versions, answered by
// board:search as the analyst types (debounced). A note result opens its thread; a passage result hands
// its place to onOpenPassage. Snippets are text with marked ranges, drawn as React text, never as HTML.
import { useEffect, useId, useRef, useState } from "react";
import { type BoardSearchResult, SEARCH_LIMITS, type SearchPassageHit, type SearchSnippet } from "@/lib/schemas/search";
import type { BoardSend } from "./use-live-board";

/** Quiet time after the last keystroke before a search goes out. */
const TYPING_PAUSE_MS = 250;

/** Where a passage result points: the source, the version searched, and the first match's place in it. */
export type PassageJump = Pick<SearchPassageHit, "sourceId" | "version" | "offset">;

type Props = {
  boardId: string;
  send: BoardSend;
  /** The thread to open: a note's own id, or its parent's for a reply. */
  onOpenThread: (threadId: string) => void;
  /**
   * A passage was chosen: open the source's document at `offset` (UTF-16 code units into `version`'s
   * text, null when no match could be placed). The document pane decides how to show it.
   */
  onOpenPassage: (jump: PassageJump) => void;
};

export function SearchBox({ boardId, send, onOpenThread, onOpenPassage }: Props) {
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<BoardSearchResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  /** Only the latest search's answer is shown; an older one arriving late is dropped. */
  const latest = useRef(0);
  const listId = useId();

  useEffect(() => {
    const trimmed = query.trim();
    if (!trimmed) {
      latest.current++;
      setResult(null);
      setProblem(null);
      return;
    }
    const timer = setTimeout(async () => {
      const asked = ++latest.current;
      const answer = await send("board:search", { boardId, query: trimmed });
      if (asked !== latest.current) return;
      if (answer.ok) {
        setResult(answer);
        setProblem(null);
      } else {
        setResult(null);
        setProblem(answer.error.message);
      }
      setOpen(true);
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [boardId, query, send]);

  const choose = (action: () => void) => {
    setOpen(false);
    action();
  };
  const found = result ? result.annotations.length + result.passages.length : 0;

  return (
    <search className="board-search" onKeyDown={(event) => event.key === "Escape" && setOpen(false)}>
      <input
        type="search"
        aria-label="Search this board"
        aria-controls={listId}
        placeholder="Search notes and documents"
        maxLength={SEARCH_LIMITS.query}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onFocus={() => setOpen(result !== null || problem !== null)}
      />
      {open && (result || problem) ? (
        <section id={listId} className="board-search-results" aria-label="Search results" aria-live="polite">
          {problem ? <p className="problem">{problem}</p> : null}
          {result && found === 0 ? <p className="muted">Nothing on this board matches “{result.query}”.</p> : null}
          {result?.annotations.length ? (
            <section aria-label="Notes found">
              <h3>Notes</h3>
              <ul>
                {result.annotations.map((hit) => (
                  <li key={hit.id}>
                    <button type="button" onClick={() => choose(() => onOpenThread(hit.parentId ?? hit.id))}>
                      <span className="board-search-meta">
                        {hit.kind} · {hit.author.name}
                      </span>
                      <Snippet snippet={hit.snippet} />
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {result?.passages.length ? (
            <section aria-label="Passages found">
              <h3>Documents</h3>
              <ul>
                {result.passages.map((hit) => (
                  <li key={hit.sourceId}>
                    <button
                      type="button"
                      onClick={() =>
                        choose(() =>
                          onOpenPassage({ sourceId: hit.sourceId, version: hit.version, offset: hit.offset }),
                        )
                      }
                    >
                      <span className="board-search-meta">
                        {hit.sourceTitle} · version {hit.version}
                      </span>
                      <Snippet snippet={hit.snippet} />
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </section>
      ) : null}
    </search>
  );
}

/** The snippet's text in pieces, the matched ones in <mark>: React escapes every piece. */
function Snippet({ snippet }: { snippet: SearchSnippet }) {
  const pieces: { text: string; marked: boolean; at: number }[] = [];
  let at = 0;
  for (const mark of snippet.marks) {
    if (mark.start > at) pieces.push({ text: snippet.text.slice(at, mark.start), marked: false, at });
    pieces.push({ text: snippet.text.slice(mark.start, mark.end), marked: true, at: mark.start });
    at = mark.end;
  }
  if (at < snippet.text.length) pieces.push({ text: snippet.text.slice(at), marked: false, at });
  return (
    <span className="board-search-snippet">
      {pieces.map((piece) =>
        piece.marked ? <mark key={piece.at}>{piece.text}</mark> : <span key={piece.at}>{piece.text}</span>,
      )}
    </span>
  );
}
