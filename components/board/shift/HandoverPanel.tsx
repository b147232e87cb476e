"use client";
// "Since 18:40Z (11 h ago): …" — what colleagues changed while the analyst was away, each line a way to
// the thing (issue 19). The counts come from the server (GET …/changes); nothing is replayed here.
import { useMemo } from "react";
import type { ChangesSummary } from "@/lib/schemas/shift";
import { type HandoverNames, type HandoverTarget, handoverHeading, handoverLines } from "./handover-lines";

type Props = {
  summary: ChangesSummary;
  names: HandoverNames;
  onGo: (target: HandoverTarget) => void;
  onDismiss: () => void;
};

export function HandoverPanel({ summary, names, onGo, onDismiss }: Props) {
  const lines = useMemo(() => handoverLines(summary, names), [summary, names]);
  const heading = handoverHeading(summary, new Date());
  return (
    <section className="handover" aria-labelledby="handover-title" data-testid="handover">
      <h2 id="handover-title" className="handover-title">
        {heading}:
      </h2>
      <ul className="handover-lines">
        {lines.map((line) => (
          <li key={line.key} data-testid={`handover-${line.key}`}>
            {line.target ? (
              <button type="button" className="link-button" onClick={() => line.target && onGo(line.target)}>
                {line.text}
              </button>
            ) : (
              <span>{line.text}</span>
            )}
          </li>
        ))}
      </ul>
      {summary.itemsTruncated ? <p className="muted">Only the newest changes are linked.</p> : null}
      <button type="button" className="handover-dismiss" onClick={onDismiss} aria-label="Dismiss the handover">
        Dismiss
      </button>
    </section>
  );
}
