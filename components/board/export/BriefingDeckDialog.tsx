"use client";
// "Briefing deck (PowerPoint)…": a modal <dialog> (focus kept inside, Escape closes, focus goes back to
// the opener) that picks the period, the indicators and the assessments, then downloads the deck.
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { fromUtcInput } from "@/lib/time";
import { useAsOf } from "../history/as-of-context";
import type { ListAssessments } from "./board-assessments";
import { assessmentChoice, briefingDeckUrl, deckChoicesProblem, periodInputs } from "./deck-query";

type Props = {
  slug: string;
  indicators: readonly { id: string; name: string }[];
  /** The charts' view range, else the board's span (ms): the period the dialog starts from. */
  period: readonly [number, number];
  /** The board's assessments from the live state (board-assessments.ts), read when the dialog opens. */
  listAssessments: ListAssessments;
  open: boolean;
  onClose: () => void;
};

const SHOWN_BODY = 110;

export function BriefingDeckDialog({ slug, indicators, period, listAssessments, open, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const problemId = useId();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [indicatorIds, setIndicatorIds] = useState<Set<string>>(new Set());
  const [assessmentIds, setAssessmentIds] = useState<Set<string> | null>(null);
  // The browser holds every annotation already: no request, and the list is as current as the board.
  const assessments = useMemo(() => (open ? listAssessments() : []), [open, listAssessments]);

  // Each opening starts from the charts' current range and everything ticked.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      const fields = periodInputs(period);
      setFrom(fields.from);
      setTo(fields.to);
      setIndicatorIds(new Set(indicators.map((indicator) => indicator.id)));
      setAssessmentIds(null);
      element.showModal();
    } else if (!open && element.open) element.close();
  }, [open, period, indicators]);

  const asOf = useAsOf();
  const chosenAssessments = assessmentIds ?? new Set(assessments.map((assessment) => assessment.id));
  const choices = {
    from: fromUtcInput(from),
    to: fromUtcInput(to),
    indicatorIds: indicators.map((indicator) => indicator.id).filter((id) => indicatorIds.has(id)),
    assessmentIds: assessmentChoice(
      assessments.map((assessment) => assessment.id),
      chosenAssessments,
    ),
  };
  const problem = deckChoicesProblem(choices);

  const download = () => {
    const link = document.createElement("a");
    link.href = briefingDeckUrl(slug, { ...choices, asOf });
    link.download = "";
    link.click();
    onClose();
  };

  return (
    <dialog ref={dialog} className="deck-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!problem) download();
        }}
      >
        <h2 id={titleId}>Briefing deck (PowerPoint)</h2>
        <fieldset>
          <legend>Period (UTC)</legend>
          <label>
            From <input type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
          </label>
          <label>
            To <input type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} />
          </label>
        </fieldset>
        <fieldset>
          <legend>Indicators, one slide each</legend>
          {indicators.map((indicator) => (
            <label key={indicator.id}>
              <input
                type="checkbox"
                checked={indicatorIds.has(indicator.id)}
                onChange={(event) => setIndicatorIds(toggled(indicatorIds, indicator.id, event.target.checked))}
              />
              {indicator.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Key assessments</legend>
          {assessments.length === 0 ? <p className="muted">The board has no assessments.</p> : null}
          {assessments.map((assessment) => (
            <label key={assessment.id}>
              <input
                type="checkbox"
                checked={chosenAssessments.has(assessment.id)}
                onChange={(event) => setAssessmentIds(toggled(chosenAssessments, assessment.id, event.target.checked))}
              />
              <span>
                <strong>
                  {assessment.confidence ? `${assessment.confidence} confidence` : "no confidence given"} ·{" "}
                  {assessment.author.name}
                </strong>{" "}
                <span data-testid="deck-assessment-body">
                  {assessment.body.length > SHOWN_BODY ? `${assessment.body.slice(0, SHOWN_BODY)}…` : assessment.body}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <p id={problemId} className="deck-dialog-problem" role="status">
          {problem ?? ""}
        </p>
        <div className="deck-dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary-button"
            disabled={problem !== null}
            aria-describedby={problem ? problemId : undefined}
          >
            Download deck
          </button>
        </div>
      </form>
    </dialog>
  );
}

function toggled(set: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
