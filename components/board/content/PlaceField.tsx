"use client";
// Where an event happened (issue 16): the analyst types a name, Latin or Cyrillic, and picks one of the
// offline gazetteer's suggestions (place:search), each shown with its country to tell namesakes apart; the
// chosen place shows with its coordinates and can be cleared. The ARIA combobox pattern with a listbox
// popup (WAI-ARIA APG): ↓/↑ move through the suggestions, Enter picks, Escape closes the list. Where the
// gazetteer has no name, "Set a point" takes typed coordinates (PointEntry.tsx).
//
// Typed text that names no chosen place makes the input invalid (setCustomValidity), so the form around
// it does not save: a place the analyst typed is never dropped in silence. The value is the parent's: a
// place set from outside shows here too — the board's map could feed one, a free point clicked on it
// (MapFigure's onBackgroundClick gives longitude and latitude) as {label, longitude, latitude} without
// a gazetteerId, passed down as `value` by the form's parent.
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { PlaceSuggestion, WirePlace } from "@/lib/schemas/place";
import { coordinatesText } from "@/lib/targets/coordinates-text";
import { describeFailure } from "../../ui/api-request";
import type { BoardSend } from "../use-live-board";
import { PointEntry } from "./PointEntry";
import styles from "./place-field.module.css";
import { suggestionDetails } from "./place-suggestion-text";

/** Typing pauses this long before a search goes out: one request per word, not per key. */
const DEBOUNCE_MS = 150;

type Props = {
  value: WirePlace | null;
  onChange: (place: WirePlace | null) => void;
  send: BoardSend;
  /** Looked up once if the field opens empty, its best suggestion taken as the value (a proposal's place name). */
  initialQuery?: string;
  /** Told while that lookup is out, so the form can hold its save until the place is in. */
  onLookingUp?: (lookingUp: boolean) => void;
};

type Lookup =
  | { state: "idle" }
  | { state: "searching" }
  | { state: "done"; suggestions: PlaceSuggestion[] }
  | { state: "failed"; message: string };

export function PlaceField({ value, onChange, send, initialQuery, onLookingUp }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value?.label ?? initialQuery ?? "");
  const [typed, setTyped] = useState<string | null>(null);
  const [lookup, setLookup] = useState<Lookup>({ state: "idle" });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [settingPoint, setSettingPoint] = useState(false);
  /** The form tried to save while the place was not set: the field says so out loud. */
  const [refused, setRefused] = useState(false);
  // Answers come back in any order: only the newest query's is shown.
  const newest = useRef(0);
  const suggestions = lookup.state === "done" ? lookup.suggestions : [];

  const search = useCallback(
    async (query: string): Promise<PlaceSuggestion[] | null> => {
      const ticket = ++newest.current;
      setLookup({ state: "searching" });
      const result = await send("place:search", { query });
      if (ticket !== newest.current) return null;
      if (!result.ok) {
        setLookup({ state: "failed", message: describeFailure(result.error) });
        return null;
      }
      setLookup({ state: "done", suggestions: result.suggestions });
      return result.suggestions;
    },
    [send],
  );

  useEffect(() => {
    if (typed === null) return;
    const query = typed.trim();
    if (!query) {
      newest.current++;
      setLookup({ state: "idle" });
      return;
    }
    const timer = setTimeout(() => void search(query), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed, search]);

  // A proposal's place name becomes its best suggestion, once; typing meanwhile wins (the ticket). The
  // whole answer is kept, so ↓ lists the namesakes to choose another without retyping.
  const prefill = useRef(value === null ? initialQuery?.trim() : undefined);
  const [prefilling, setPrefilling] = useState(Boolean(prefill.current));
  useEffect(() => {
    const name = prefill.current;
    prefill.current = undefined;
    if (!name) return;
    void search(name).then((found) => {
      setPrefilling(false);
      const best = found?.[0];
      if (!best) return;
      onChange(best.place);
      setText(best.place.label);
    });
  }, [search, onChange]);
  useEffect(() => onLookingUp?.(prefilling), [prefilling, onLookingUp]);

  // A place set from outside (a point picked on a map) shows as the text, and outdates any lookup.
  useEffect(() => {
    if (!value) return;
    newest.current++;
    setText(value.label);
    setTyped(null);
    setPrefilling(false);
  }, [value]);

  const problem = prefilling
    ? `Looking up “${text.trim()}”…`
    : text.trim() && !value
      ? "The place is not set: pick a suggestion, or set a point."
      : null;
  useEffect(() => {
    input.current?.setCustomValidity(problem ?? "");
    if (!problem) setRefused(false);
  }, [problem]);

  const settle = (place: WirePlace | null, shown: string) => {
    newest.current++;
    onChange(place);
    setText(shown);
    setTyped(null);
    setPrefilling(false);
    setOpen(false);
    setActive(-1);
  };

  const pick = (suggestion: PlaceSuggestion) => settle(suggestion.place, suggestion.place.label);

  const clear = () => {
    settle(null, "");
    setLookup({ state: "idle" });
    // The Clear button goes with the place: the keys go back to the field, not to the page.
    input.current?.focus();
  };

  const setPoint = (place: WirePlace) => {
    settle(place, place.label);
    setLookup({ state: "idle" });
    setSettingPoint(false);
    input.current?.focus();
  };

  const expanded = open && text.trim() !== "" && lookup.state !== "idle";
  const optionId = (index: number) => `${id}-option-${index}`;

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const last = suggestions.length - 1;
      setActive((at) => (event.key === "ArrowDown" ? Math.min(at + 1, last) : Math.max(at - 1, 0)));
    } else if (event.key === "Enter" && expanded) {
      // Picks the highlighted suggestion, or the first; while the list is open, Enter never submits the form
      // (not even before the answer is in: the analyst meant a place, not "save without one").
      event.preventDefault();
      event.stopPropagation();
      const chosen = suggestions[Math.max(active, 0)];
      if (chosen) pick(chosen);
    } else if (event.key === "Escape" && expanded) {
      // Closes the list only; a second Escape reaches the form (a proposal cancels on it).
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className={styles.field}>
      <label htmlFor={`${id}-input`}>Place</label>
      <input
        ref={input}
        id={`${id}-input`}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={refused}
        aria-describedby={problem ? `${id}-problem` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        maxLength={100}
        placeholder="City or country, e.g. Kyiv or Київ"
        onChange={(event) => {
          setText(event.target.value);
          setTyped(event.target.value);
          setOpen(true);
          setActive(-1);
          setPrefilling(false);
          // Until the new text's answer is in, the list says so, and an earlier query's answer is dropped.
          newest.current++;
          setLookup(event.target.value.trim() ? { state: "searching" } : { state: "idle" });
          // The text no longer names the chosen place: nothing is chosen until a suggestion is picked.
          if (value) onChange(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        // The form's save was refused for this field: say why beside it (the browser's bubble says it too).
        onInvalid={() => setRefused(true)}
      />
      {expanded ? (
        <div id={`${id}-list`} role="listbox" aria-label="Place suggestions" className={styles.listbox}>
          {suggestions.map((suggestion, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the input holds the keys (aria-activedescendant)
            <div
              key={suggestion.place.gazetteerId}
              id={optionId(index)}
              tabIndex={-1}
              role="option"
              aria-selected={index === active}
              className={styles.option}
              // Keeps the focus in the input, so the pick does not blur the field first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(suggestion)}
              onMouseEnter={() => setActive(index)}
            >
              <span className={styles.name}>
                {suggestion.name}
                {suggestion.matched ? <span className={styles.matched}> ({suggestion.matched})</span> : null}
              </span>
              <span className={styles.details}>{suggestionDetails(suggestion)}</span>
            </div>
          ))}
          {suggestions.length === 0 ? <div className={styles.status}>{statusText(lookup)}</div> : null}
        </div>
      ) : null}
      <span className="visually-hidden" aria-live="polite">
        {expanded ? statusText(lookup) : ""}
      </span>
      {value ? (
        <div className={styles.chosen} data-testid="chosen-place">
          <span>{value.label}</span>
          <span className={styles.coordinates}>{coordinatesText(value.longitude, value.latitude)}</span>
          <button type="button" className="link-button" onClick={clear} aria-label={`Clear the place ${value.label}`}>
            Clear
          </button>
        </div>
      ) : problem ? (
        <span id={`${id}-problem`} role={refused ? "alert" : undefined} className={refused ? styles.problem : "muted"}>
          {problem}
        </span>
      ) : null}
      {settingPoint ? (
        <PointEntry
          label={text}
          onSet={setPoint}
          onCancel={() => {
            setSettingPoint(false);
            input.current?.focus();
          }}
        />
      ) : (
        <button type="button" className={`link-button ${styles.pointButton}`} onClick={() => setSettingPoint(true)}>
          Set a point
        </button>
      )}
    </div>
  );
}

function statusText(lookup: Lookup): string {
  switch (lookup.state) {
    case "searching":
      return "Searching…";
    case "failed":
      return `The gazetteer did not answer: ${lookup.message}`;
    case "done":
      return lookup.suggestions.length === 0
        ? "No place by that name"
        : `${lookup.suggestions.length} place${lookup.suggestions.length === 1 ? "" : "s"} found`;
    case "idle":
      return "";
  }
}
