"use client";
// The board's time-range picker, shared by every chart: presets, a UTC from/to, and zoom and pan
// buttons. All of it is plain buttons and inputs, so it works from the keyboard.
import { useState } from "react";
import {
  canPan,
  canZoomIn,
  fromUtcInputValue,
  lastDays,
  pan,
  sameRange,
  type TimeRange,
  toUtcInputValue,
  zoom,
} from "@/lib/charts/time-range";
import { formatUtc } from "@/lib/time";

type Props = {
  /** The board's whole span. */
  domain: [number, number];
  /** The visible span; null shows the whole domain. */
  value: [number, number] | null;
  onChange: (range: [number, number] | null) => void;
};

const PRESET_DAYS = [7, 30] as const;

export function TimeRangeControl({ domain, value, onChange }: Props) {
  const shown = value ?? domain;
  const change = (next: TimeRange | null) => {
    if (!sameRange(next, value)) onChange(next);
  };

  return (
    <fieldset className="time-range">
      <legend className="visually-hidden">Time range</legend>
      <div className="time-range-presets">
        <button type="button" aria-pressed={value === null} onClick={() => change(null)}>
          All
        </button>
        {PRESET_DAYS.map((days) => {
          const preset = lastDays(domain, days);
          return (
            <button
              key={days}
              type="button"
              aria-pressed={preset !== null && sameRange(preset, value)}
              // A preset as long as the board would only repeat "All".
              disabled={preset === null}
              onClick={() => change(preset)}
            >
              Last {days} days
            </button>
          );
        })}
      </div>
      <UtcInstantInput
        label="From (UTC)"
        epochMs={shown[0]}
        accept={(from) => from < shown[1]}
        onCommit={(from) => change([from, shown[1]])}
      />
      <UtcInstantInput
        label="To (UTC)"
        epochMs={shown[1]}
        accept={(to) => to > shown[0]}
        onCommit={(to) => change([shown[0], to])}
      />
      <div className="time-range-steps">
        <StepButton
          label="Zoom in"
          symbol="+"
          disabled={!canZoomIn(domain, value)}
          onClick={() => change(zoom(domain, value, 0.5))}
        />
        <StepButton
          label="Zoom out"
          symbol="−"
          disabled={value === null}
          onClick={() => change(zoom(domain, value, 2))}
        />
        <StepButton
          label="Pan earlier"
          symbol="←"
          disabled={!canPan(domain, value, -1)}
          onClick={() => change(pan(domain, value, -1))}
        />
        <StepButton
          label="Pan later"
          symbol="→"
          disabled={!canPan(domain, value, 1)}
          onClick={() => change(pan(domain, value, 1))}
        />
      </div>
      <span className="visually-hidden" aria-live="polite">
        Showing {formatUtc(new Date(shown[0]).toISOString())} to {formatUtc(new Date(shown[1]).toISOString())}
      </span>
    </fieldset>
  );
}

function StepButton({
  label,
  symbol,
  disabled,
  onClick,
}: {
  label: string;
  symbol: string;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <button type="button" aria-label={label} title={label} disabled={disabled} onClick={onClick}>
      <span aria-hidden="true">{symbol}</span>
    </button>
  );
}

/**
 * A datetime-local read as UTC. It keeps its own draft while being typed into and commits on blur or
 * Enter: committing every keystroke would move the charts to year 0002 while a year is being typed.
 */
function UtcInstantInput({
  label,
  epochMs,
  accept,
  onCommit,
}: {
  label: string;
  epochMs: number;
  accept: (epochMs: number) => boolean;
  onCommit: (epochMs: number) => void;
}) {
  const [draft, setDraft] = useState(() => toUtcInputValue(epochMs));
  const [draftOf, setDraftOf] = useState(epochMs);
  // A new value from outside (a preset, a zoom, the other analyst's board growing) replaces the draft.
  if (draftOf !== epochMs) {
    setDraftOf(epochMs);
    setDraft(toUtcInputValue(epochMs));
  }
  const parsed = fromUtcInputValue(draft);
  const valid = parsed !== null && accept(parsed);
  const commit = () => {
    if (valid && parsed !== epochMs) onCommit(parsed);
    else setDraft(toUtcInputValue(epochMs));
  };

  return (
    <label className="time-range-input">
      {label}
      <input
        type="datetime-local"
        className="time-range-instant"
        value={draft}
        aria-invalid={!valid}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
        }}
      />
    </label>
  );
}
