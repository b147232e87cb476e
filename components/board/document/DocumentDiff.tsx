"use client";
// What changed between two versions (source:diff, computed on the server's worker pool): added text
// marked as inserted, removed text as deleted, the rest as it was.
import { useEffect, useState } from "react";
import type { SourceDiffAnswer } from "@/lib/schemas/document";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import type { BoardSend } from "../use-live-board";
import styles from "./document.module.css";

type Props = { boardId: string; sourceId: string; latest: number; send: BoardSend };

export function DocumentDiff({ boardId, sourceId, latest, send }: Props) {
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const [diff, setDiff] = useState<SourceDiffAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setDiff(null);
    setProblem(null);
    void send("source:diff", { boardId, id: sourceId, from, to }).then((result) => {
      if (!current) return;
      if (result.ok) setDiff(result);
      else setProblem(describeFailure(result.error));
    });
    return () => {
      current = false;
    };
  }, [boardId, sourceId, from, to, send]);

  const versions = Array.from({ length: latest }, (_, index) => index + 1);
  const picker = (label: string, value: number, onChange: (version: number) => void) => (
    <label>
      {label}{" "}
      <select value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {versions.map((version) => (
          <option key={version} value={version}>
            version {version}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section aria-label="What changed">
      <div className={styles.toolbar}>
        {picker("From", from, setFrom)}
        {picker("to", to, setTo)}
      </div>
      <Problem message={problem} />
      {diff ? (
        <div className={styles.diff} data-testid="document-diff">
          {diff.parts.every((part) => part.kind === "same") ? <p className="muted">No change.</p> : null}
          {diff.parts.map((part, index) =>
            part.kind === "added" ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed list for this pair of versions
              <ins key={index} className={styles.added}>
                {part.text}
              </ins>
            ) : part.kind === "removed" ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <del key={index} className={styles.removed}>
                {part.text}
              </del>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <span key={index}>{part.text}</span>
            ),
          )}
        </div>
      ) : problem ? null : (
        <p className="muted">Comparing…</p>
      )}
    </section>
  );
}
