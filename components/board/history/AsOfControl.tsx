"use client";
// The header's "As of" control: an instant in UTC typed into a field marked Z, or one of the shift's
// usual instants, shows the board as it stood then (issue 19).
import { type FormEvent, useId, useMemo, useState } from "react";
import type { WireEvent } from "@/lib/schemas/board";
import styles from "./as-of.module.css";
import { asOfFieldValue, asOfProblem, formatAsOf, instantOfField, quickPicks } from "./as-of-time";

export function AsOfControl({
  asOf,
  liveEvents,
  onShow,
}: {
  asOf: string | null;
  /** The live board's events: the first logged of them is "Start of the log". */
  liveEvents: readonly WireEvent[] | undefined;
  onShow: (asOf: string | null) => void;
}) {
  const fieldId = useId();
  const logStart = useMemo(() => firstLoggedAt(liveEvents ?? []), [liveEvents]);
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const pick = (iso: string | null) => {
    setOpen(false);
    setProblem(null);
    onShow(iso);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const iso = instantOfField(value);
    const why = asOfProblem(iso, new Date());
    if (why || iso === null) setProblem(why);
    else pick(iso);
  };
  return (
    <details
      className={styles.control}
      open={open}
      onToggle={(event) => {
        const nowOpen = event.currentTarget.open;
        setOpen(nowOpen);
        // The field starts at the instant shown, or at now to the minute.
        if (nowOpen) setValue(asOfFieldValue(asOf ?? new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString()));
      }}
    >
      <summary>{asOf ? `As of ${formatAsOf(asOf)}` : "As of…"}</summary>
      <form className={styles.popover} aria-label="Show the board as of" onSubmit={submit}>
        <label htmlFor={fieldId}>Show the board as it stood at (UTC)</label>
        <span className={styles.field}>
          <input
            id={fieldId}
            type="datetime-local"
            step={1}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            aria-describedby={`${fieldId}-zone`}
          />
          <span id={`${fieldId}-zone`} className={styles.zone} title="Coordinated Universal Time">
            Z
          </span>
          <button type="submit">Show</button>
        </span>
        {problem ? (
          <span className={styles.error} role="alert">
            {problem}
          </span>
        ) : null}
        <span className={styles.picks}>
          {quickPicks(new Date(), logStart).map(({ label, iso }) => (
            <button key={label} type="button" className="link-button" onClick={() => pick(iso)}>
              {label}
            </button>
          ))}
          {asOf ? (
            <button type="button" className="link-button" onClick={() => pick(null)}>
              Live
            </button>
          ) : null}
        </span>
      </form>
    </details>
  );
}

function firstLoggedAt(events: readonly WireEvent[]): string | null {
  let first: string | null = null;
  for (const { loggedAt } of events) if (first === null || Date.parse(loggedAt) < Date.parse(first)) first = loggedAt;
  return first;
}
