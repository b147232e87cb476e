"use client";
// The proposal a date or a figure makes (propose-event.ts, propose-observation.ts), every field editable,
// with the information's credibility asked for and the source's reliability shown. Enter saves
// (candidate:confirm, with client-made ids so a retry is the same change), Escape cancels; what the server
// refuses (already confirmed by someone else, say) is shown in its words.
import { useState } from "react";
import type { BoardState } from "@/lib/board-state";
import type { WireEvent, WireSource } from "@/lib/schemas/board";
import type { TCandidateConfirmInput, WireCandidate } from "@/lib/schemas/candidate";
import { EVENT_CATEGORIES } from "@/lib/schemas/content";
import type { WirePlace } from "@/lib/schemas/place";
import { fromUtcInput, toUtcInput } from "@/lib/time";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import { PlaceField } from "../content/PlaceField";
import type { BoardSend } from "../use-live-board";
import { changedMeanwhile, outcomeOnBoard } from "./candidate-decisions";
import styles from "./document.module.css";
import { proposeEvent } from "./propose-event";
import { proposeObservation } from "./propose-observation";

const CREDIBILITY = ["1", "2", "3", "4", "5", "6"] as const;
const NEW_INDICATOR = "new";

type Props = {
  boardId: string;
  candidate: WireCandidate;
  candidates: readonly WireCandidate[];
  /** The candidate's sentence (propose-event.ts sentenceOf). */
  sentence: string;
  source: WireSource;
  board: BoardState;
  send: BoardSend;
  onDone: (candidate: WireCandidate) => void;
  onCancel: () => void;
};

export function CandidateProposal(props: Props) {
  const { boardId, candidate, source, send, onDone, onCancel } = props;
  const [credibility, setCredibility] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Made once per proposal: saving again after a lost answer is the same change, not a second one.
  const [ids] = useState(() => ({
    evidence: crypto.randomUUID(),
    made: crypto.randomUUID(),
    indicator: crypto.randomUUID(),
  }));

  const save = async (as: TCandidateConfirmInput["as"] | string) => {
    if (typeof as === "string") return setProblem(as);
    // Enter held or pressed twice: one request (a second, same ids, would be answered as a replay and
    // move the list on twice).
    if (saving) return;
    setSaving(true);
    setProblem(null);
    const result = await send("candidate:confirm", {
      boardId,
      candidateId: candidate.id,
      evidenceId: ids.evidence,
      infoCredibility: credibility ? Number(credibility) : null,
      as,
    });
    setSaving(false);
    if (result.ok) onDone(result.candidate);
    else setProblem(describeFailure(result.error));
  };

  const grade = (
    <div className="form-row">
      <label>
        Credibility (1–6)
        <select value={credibility} onChange={(event) => setCredibility(event.target.value)}>
          <option value="">?</option>
          {CREDIBILITY.map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </label>
      <span className="muted">
        Reliability {source.reliability ?? "?"} (from {source.title})
      </span>
    </div>
  );
  /** `waitingFor` holds the save back and says why (the place the sentence names, still being looked up). */
  const buttons = (waitingFor: string | null = null) => (
    <div className="form-row">
      <button type="submit" disabled={saving || waitingFor !== null}>
        {saving ? "Saving…" : candidate.kind === "date" ? "Save event" : "Save figure"}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <span className={styles.hint} role="status">
        {waitingFor ?? "Enter saves · Escape cancels"}
      </span>
    </div>
  );
  // Hidden while saving: the analyst's own confirm is heard as an op before its answer.
  const meanwhile = saving ? null : changedMeanwhile(candidate, outcomeOnBoard(props.board));
  const problemShown = problem ?? meanwhile;
  const shared = { ...props, ids, saving, grade, buttons, problem: problemShown, save };
  return candidate.kind === "date" ? (
    <EventProposalForm {...shared} candidate={candidate} />
  ) : candidate.kind === "figure" ? (
    <ObservationProposalForm {...shared} candidate={candidate} />
  ) : null;
}

type FormProps<K extends WireCandidate["kind"]> = Props & {
  candidate: WireCandidate & { kind: K };
  ids: { evidence: string; made: string; indicator: string };
  grade: React.ReactNode;
  buttons: (waitingFor?: string | null) => React.ReactNode;
  problem: string | null;
  save: (as: TCandidateConfirmInput["as"] | string) => Promise<void>;
};

/** Enter anywhere but a multi-line field saves; Escape cancels. */
function keysOf(onCancel: () => void) {
  return (event: React.KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" && !(event.target instanceof HTMLTextAreaElement)) {
      if (event.target instanceof HTMLButtonElement) return;
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };
}

function EventProposalForm({
  candidate,
  candidates,
  sentence,
  send,
  ids,
  grade,
  buttons,
  problem,
  save,
  onCancel,
}: FormProps<"date">) {
  const [proposal] = useState(() => proposeEvent(candidate, candidates, sentence));
  const [title, setTitle] = useState(proposal.title);
  const [occurredAt, setOccurredAt] = useState(toUtcInput(proposal.occurredAt));
  const [endsAt, setEndsAt] = useState(proposal.endsAt ? toUtcInput(proposal.endsAt) : "");
  const [category, setCategory] = useState<WireEvent["category"]>(proposal.category);
  const [place, setPlace] = useState<WirePlace | null>(null);
  // The place the sentence names is looked up as the form opens; saving before its answer would save
  // the event without it, so the save waits (the field's own check refuses an Enter meanwhile too).
  const [lookingUp, setLookingUp] = useState(Boolean(proposal.placeNames[0]?.trim()));
  const [description, setDescription] = useState(proposal.description);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (lookingUp) return;
    const start = fromUtcInput(occurredAt);
    if (!start) return void save("When did it happen? Give a date and time (UTC).");
    void save({
      type: "event",
      event: {
        id: ids.made,
        title,
        occurredAt: start,
        endsAt: fromUtcInput(endsAt),
        category,
        place,
        description,
      },
    });
  };

  return (
    <form
      className={`content-form ${styles.proposal}`}
      aria-label="Confirm as an event"
      data-testid="candidate-proposal"
      onSubmit={submit}
      onKeyDown={keysOf(onCancel)}
    >
      <label>
        Title{" "}
        <input
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          required
          maxLength={200}
          // biome-ignore lint/a11y/noAutofocus: the analyst opened this proposal from the keyboard to edit or save it
          autoFocus
        />
      </label>
      <div className="form-row">
        <label>
          When (UTC){" "}
          <input
            type="datetime-local"
            value={occurredAt}
            onChange={(event) => setOccurredAt(event.target.value)}
            required
          />
        </label>
        <label>
          Until (UTC) <input type="datetime-local" value={endsAt} onChange={(event) => setEndsAt(event.target.value)} />
        </label>
      </div>
      <div className="form-row">
        <label>
          Kind
          <select value={category} onChange={(event) => setCategory(event.target.value as WireEvent["category"])}>
            {EVENT_CATEGORIES.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
        <PlaceField
          value={place}
          onChange={setPlace}
          send={send}
          initialQuery={proposal.placeNames[0]}
          onLookingUp={setLookingUp}
        />
      </div>
      <label>
        Description{" "}
        <textarea
          rows={2}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          maxLength={2000}
        />
      </label>
      {grade}
      {buttons(lookingUp ? "Looking up the place…" : null)}
      <Problem message={problem} />
    </form>
  );
}

function ObservationProposalForm(props: FormProps<"figure">) {
  const { candidate, candidates, sentence, source, board, ids, grade, buttons, problem, save, onCancel } = props;
  const indicators = board.indicators.list;
  const [proposal] = useState(() => proposeObservation(candidate, candidates, source, indicators, sentence));
  const [value, setValue] = useState(String(proposal.value));
  const [indicatorId, setIndicatorId] = useState(proposal.indicatorId ?? NEW_INDICATOR);
  const [newName, setNewName] = useState(proposal.newIndicator.name);
  const [newUnit, setNewUnit] = useState(proposal.newIndicator.unit);
  const [observedAt, setObservedAt] = useState(proposal.observedAt ? toUtcInput(proposal.observedAt) : "");
  const [note, setNote] = useState("");
  const creating = indicatorId === NEW_INDICATOR;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const at = fromUtcInput(observedAt);
    const number = Number(value);
    if (!at) return void save("When was it observed? Give a date and time (UTC).");
    if (value.trim() === "" || !Number.isFinite(number)) return void save("The value must be a number.");
    const observation = {
      id: ids.made,
      indicatorId: creating ? ids.indicator : indicatorId,
      observedAt: at,
      value: number,
      note,
    };
    void save(
      creating
        ? { type: "observation", observation, newIndicator: { id: ids.indicator, name: newName, unit: newUnit } }
        : { type: "observation", observation },
    );
  };

  return (
    <form
      className={`content-form ${styles.proposal}`}
      aria-label="Confirm as a figure"
      data-testid="candidate-proposal"
      onSubmit={submit}
      onKeyDown={keysOf(onCancel)}
    >
      <div className="form-row">
        <label>
          Value{" "}
          <input
            type="number"
            step="any"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            required
            // biome-ignore lint/a11y/noAutofocus: the analyst opened this proposal from the keyboard to edit or save it
            autoFocus
          />
        </label>
        <label>
          Indicator
          <select value={indicatorId} onChange={(event) => setIndicatorId(event.target.value)}>
            {indicators.map((indicator) => (
              <option key={indicator.id} value={indicator.id}>
                {indicator.name} ({indicator.unit})
              </option>
            ))}
            <option value={NEW_INDICATOR}>New indicator…</option>
          </select>
        </label>
      </div>
      {creating ? (
        <div className="form-row">
          <label>
            New indicator's name{" "}
            <input value={newName} onChange={(event) => setNewName(event.target.value)} required maxLength={200} />
          </label>
          <label>
            Unit <input value={newUnit} onChange={(event) => setNewUnit(event.target.value)} required maxLength={60} />
          </label>
        </div>
      ) : null}
      <div className="form-row">
        <label>
          Observed at (UTC){" "}
          <input
            type="datetime-local"
            value={observedAt}
            onChange={(event) => setObservedAt(event.target.value)}
            required
          />
        </label>
        <label>
          Note <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} />
        </label>
      </div>
      {grade}
      {buttons()}
      <Problem message={problem} />
    </form>
  );
}
