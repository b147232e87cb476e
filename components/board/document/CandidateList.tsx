"use client";
// The candidates beside the text: dates, figures and names in the order they sit in the current version,
// filtered by kind, each with its status. The list is one tab stop; ↓/↑ (or j/k) move through it, Enter or
// e opens the proposal for the selected candidate, x rejects it (issue 15, "Confirming"). Names only
// suggest places, so they cannot be confirmed, only rejected. A long report gives thousands of candidates:
// only the rows in view are in the DOM, as with the text.
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useEffect, useMemo } from "react";
import type { BoardState } from "@/lib/board-state";
import { CANDIDATE_KINDS, type CandidateKind, type WireCandidate } from "@/lib/schemas/candidate";
import { canPropose, isOpen, outcomeOnBoard } from "./candidate-decisions";
import styles from "./document.module.css";

const KIND_LABELS: Record<CandidateKind, string> = { date: "Dates", figure: "Figures", name: "Names" };
const numberFormat = new Intl.NumberFormat("en-GB");
/** A row's height until measured: kind and meaning, then the quote. */
const ROW_PX = 46;

type Props = {
  candidates: readonly WireCandidate[];
  kinds: ReadonlySet<CandidateKind>;
  onKinds: (kinds: Set<CandidateKind>) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Opens the proposal for a date or a figure (Enter, e). */
  onPropose: (candidate: WireCandidate) => void;
  onReject: (candidate: WireCandidate) => void;
  canDecide: boolean;
  board: BoardState;
  listRef: React.RefObject<HTMLDivElement | null>;
};

export function CandidateList(props: Props) {
  const { candidates, kinds, onKinds, selectedId, onSelect, onPropose, onReject, canDecide, board, listRef } = props;
  const shown = useMemo(() => candidates.filter((candidate) => kinds.has(candidate.kind)), [candidates, kinds]);
  const selectedIndex = shown.findIndex((candidate) => candidate.id === selectedId);
  const selected = shown[selectedIndex];
  // Which indicator holds each figure, built once per change of the figures, not once per row.
  const indicators = board.indicators.list;
  const indicatorOf = useMemo(
    () =>
      new Map(indicators.flatMap((indicator) => indicator.observations.map(({ id }) => [id, indicator.name] as const))),
    [indicators],
  );
  const onBoard = useMemo(() => outcomeOnBoard(board), [board]);
  const counts = (kind: CandidateKind) => candidates.filter((candidate) => candidate.kind === kind).length;

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_PX,
    overscan: 8,
    getItemKey: (index) => shown[index]?.id ?? index,
  });
  // The selected row is brought into view, so it is in the DOM for aria-activedescendant.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedIndex, virtualizer]);

  const move = (step: number) => {
    const next = shown[Math.min(Math.max((selectedIndex < 0 ? -1 : selectedIndex) + step, 0), shown.length - 1)];
    if (next) onSelect(next.id);
  };
  const keyDown = (event: React.KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const act = KEYS[event.key];
    if (!act) return;
    // Also keeps Enter from going on to the proposal's first field once it has focus.
    event.preventDefault();
    if (act === "next") move(1);
    else if (act === "previous") move(-1);
    else if (!selected || !canDecide) return;
    else if (act === "propose" && canPropose(selected, onBoard)) onPropose(selected);
    else if (act === "reject" && isOpen(selected, onBoard)) onReject(selected);
  };

  return (
    <section className={styles.candidates} aria-label="Candidates" data-testid="candidates">
      <div className={styles.toolbar}>
        {CANDIDATE_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            aria-pressed={kinds.has(kind)}
            onClick={() => {
              const next = new Set(kinds);
              if (next.has(kind)) next.delete(kind);
              else next.add(kind);
              onKinds(next);
            }}
          >
            {KIND_LABELS[kind]} ({counts(kind)})
          </button>
        ))}
      </div>
      {canDecide ? (
        <p className={styles.hint}>↓/↑ or j/k to move · Enter or e to confirm or edit · x to reject</p>
      ) : null}
      <div
        ref={listRef}
        role="listbox"
        aria-label="Candidates found in the document"
        tabIndex={0}
        aria-activedescendant={selected ? `candidate-${selected.id}` : undefined}
        onKeyDown={keyDown}
        onFocus={() => {
          if (!selected && shown[0]) onSelect(shown[0].id);
        }}
      >
        <div style={{ position: "relative", height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const candidate = shown[item.index];
            if (!candidate) return null;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className={styles.candidateSlot}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <CandidateRow
                  candidate={candidate}
                  selected={candidate.id === selectedId}
                  onSelect={onSelect}
                  events={board.events.byId}
                  indicatorOf={indicatorOf}
                />
              </div>
            );
          })}
        </div>
      </div>
      {!shown.length ? <p className="muted">None{candidates.length ? " of the kinds chosen" : " yet"}.</p> : null}
    </section>
  );
}

type RowProps = {
  candidate: WireCandidate;
  selected: boolean;
  onSelect: (id: string) => void;
  events: BoardState["events"]["byId"];
  indicatorOf: ReadonlyMap<string, string>;
};

/** Memoized: a move through the list re-renders the two rows whose selection changed, not thousands. */
const CandidateRow = memo(function CandidateRow({ candidate, selected, onSelect, events, indicatorOf }: RowProps) {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox holds the keys (aria-activedescendant)
    <div
      tabIndex={-1}
      id={`candidate-${candidate.id}`}
      role="option"
      aria-selected={selected}
      data-testid="candidate"
      data-kind={candidate.kind}
      data-status={candidate.status}
      className={styles.candidateRow}
      onClick={() => onSelect(candidate.id)}
    >
      <span className={styles.candidateHead}>
        <span className={styles.kindTag}>{candidate.kind}</span>
        <strong>{meaningOf(candidate)}</strong>
        <span className={styles.status} data-status={candidate.status}>
          {candidate.anchor.status === "orphaned" ? "passage lost" : candidate.status}
        </span>
      </span>
      <span className="muted">“{candidate.exact}”</span>
      <Outcome candidate={candidate} events={events} indicatorOf={indicatorOf} />
    </div>
  );
});

const KEYS: Record<string, "next" | "previous" | "propose" | "reject" | undefined> = {
  ArrowDown: "next",
  j: "next",
  ArrowUp: "previous",
  k: "previous",
  Enter: "propose",
  e: "propose",
  x: "reject",
};

function meaningOf(candidate: WireCandidate): string {
  switch (candidate.kind) {
    case "date":
      return candidate.date.end ? `${candidate.date.start} → ${candidate.date.end}` : candidate.date.start;
    case "figure":
      return `${candidate.qualifier ? `${candidate.qualifier} ` : ""}${numberFormat.format(candidate.value)} ${candidate.unit}`;
    case "name":
      return `${candidate.name} (${candidate.nameType})`;
  }
}

/** Who decided, and what a confirmed candidate became (an event links to its place on the timeline). */
function Outcome({ candidate, events, indicatorOf }: Omit<RowProps, "selected" | "onSelect">) {
  if (candidate.status === "proposed") return null;
  const by = candidate.decidedBy ? ` by ${candidate.decidedBy.name}` : "";
  const outcome = candidate.outcome;
  if (candidate.status === "rejected" || !outcome) return <span className="muted">{`${candidate.status}${by}`}</span>;
  if (outcome.type === "event") {
    const event = events.get(outcome.eventId);
    return (
      <span className="muted">
        {`confirmed${by} as `}
        {event ? <a href={`#event-${event.id}`}>the event “{event.title}”</a> : "an event since deleted"}
      </span>
    );
  }
  const indicator = indicatorOf.get(outcome.observationId);
  return (
    <span className="muted">
      {`confirmed${by} as `}
      {indicator ? `a figure on “${indicator}”` : "a figure since deleted"}
    </span>
  );
}
