"use client";
// "from Sitrep 14: '…roughly 106,000 personnel…'": the evidence of an event or an observation, under it on
// the timeline and in the figures table. A click opens the document pane at the passage. The index comes
// from the board (BoardView provides it), so only these lines re-render when a note changes.
import { createContext, useContext } from "react";
import styles from "./document.module.css";
import type { Evidence, EvidenceKey } from "./evidence";
import { evidenceKey } from "./evidence";

export type EvidenceBoard = {
  evidence: ReadonlyMap<EvidenceKey, Evidence[]>;
  open: (jump: { sourceId: string; version: number; offset: number }) => void;
};

export const EvidenceContext = createContext<EvidenceBoard>({ evidence: new Map(), open: () => {} });

export function EvidenceLines({ of }: { of: { type: "event" | "observation"; id: string } }) {
  const { evidence, open } = useContext(EvidenceContext);
  const items = evidence.get(evidenceKey(of));
  if (!items?.length) return null;
  return (
    <ul className={styles.evidence} data-testid="evidence">
      {items.map((item) => (
        <li key={item.annotationId}>
          <button
            type="button"
            className="link-button"
            title="Open the document at this passage"
            onClick={() => open({ sourceId: item.sourceId, version: item.version, offset: item.offset })}
          >
            from {item.sourceTitle}: '…{item.quote.replace(/\s+/g, " ").trim()}…'
          </button>
          {item.lost ? <span className="muted"> (no longer found in the current version)</span> : null}
        </li>
      ))}
    </ul>
  );
}
