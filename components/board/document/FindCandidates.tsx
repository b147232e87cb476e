"use client";
// "Find events and figures" (issue 15): runs extraction on the current version. Dates are resolved against
// the document's publication date; when the source has none the server says so (VALIDATION on
// publishedAt) and the analyst gives it here, which is saved on the source before extraction runs again.
import { useMemo, useState } from "react";
import type { WireSource } from "@/lib/schemas/board";
import type { WireCandidate } from "@/lib/schemas/candidate";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import type { BoardSend } from "../use-live-board";
import { stillToDecide } from "./candidate-decisions";
import styles from "./document.module.css";

type Props = {
  boardId: string;
  source: WireSource;
  send: BoardSend;
  onFound: (candidates: WireCandidate[]) => void;
  /** The source's candidates as they are now: the count still to decide follows every decision. */
  candidates: readonly WireCandidate[];
};

export function FindCandidates({ boardId, source, send, onFound, candidates }: Props) {
  const [running, setRunning] = useState(false);
  const [askDate, setAskDate] = useState(false);
  const [publishedOn, setPublishedOn] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [found, setFound] = useState<{ version: number; ids: ReadonlySet<string> } | null>(null);
  const open = useMemo(() => (found ? stillToDecide(candidates, found.ids) : 0), [candidates, found]);

  const extract = async () => {
    setRunning(true);
    setProblem(null);
    setFound(null);
    const result = await send("source:extract", { boardId, id: source.id });
    setRunning(false);
    if (result.ok) {
      setAskDate(false);
      onFound(result.candidates);
      setFound({ version: result.version, ids: new Set(result.candidates.map((candidate) => candidate.id)) });
      return;
    }
    if (result.error.code === "VALIDATION" && result.error.issues?.some((issue) => issue.path[0] === "publishedAt")) {
      setAskDate(true);
      setProblem(result.error.message);
      return;
    }
    setProblem(describeFailure(result.error));
  };

  const saveDateAndExtract = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!publishedOn) return;
    setProblem(null);
    // Noon UTC: the day stays the same however the date is read.
    const saved = await send("source:update", { boardId, id: source.id, publishedAt: `${publishedOn}T12:00:00.000Z` });
    if (!saved.ok) return setProblem(describeFailure(saved.error));
    await extract();
  };

  return (
    <>
      <button type="button" onClick={() => void extract()} disabled={running || source.currentVersion < 1}>
        {running ? "Reading the document…" : "Find events and figures"}
      </button>
      {found ? (
        <span className="muted" role="status">
          {found.ids.size
            ? `${found.ids.size} found in version ${found.version}, ${open} to decide`
            : `No dates, figures or names found in version ${found.version}`}
        </span>
      ) : null}
      {askDate ? (
        <form className={styles.selectionBar} onSubmit={saveDateAndExtract} aria-label="Publication date">
          <label>
            Published on (UTC){" "}
            <input
              type="date"
              value={publishedOn}
              onChange={(event) => setPublishedOn(event.target.value)}
              required
              // biome-ignore lint/a11y/noAutofocus: the analyst asked for extraction; this is the one thing it needs
              autoFocus
            />
          </label>
          <button type="submit" disabled={running}>
            Save and find
          </button>
        </form>
      ) : null}
      <Problem message={problem} />
    </>
  );
}
