"use client";
// "Set a point": when the gazetteer has no name for where something happened (a crossing, a field, a stretch
// of coast), the analyst types its coordinates; the place field's text becomes the point's label. Enter sets
// it and Escape closes this line, neither reaching the form around it (a proposal saves on Enter).
import { useId, useState } from "react";
import { PLACE_LIMITS, type WirePlace } from "@/lib/schemas/place";
import { coordinatesText } from "@/lib/targets/coordinates-text";
import { parsePoint } from "./parse-point";
import styles from "./place-field.module.css";

type Props = {
  /** What the analyst typed in the place field: the point's name, if any. */
  label: string;
  onSet: (place: WirePlace) => void;
  onCancel: () => void;
};

export function PointEntry({ label, onSet, onCancel }: Props) {
  const id = useId();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const set = () => {
    const point = parsePoint(text);
    if (!point.ok) return setProblem(point.problem);
    const name = label.trim().slice(0, PLACE_LIMITS.label) || coordinatesText(point.longitude, point.latitude);
    // No gazetteerId: a point the analyst set, not a gazetteer entry.
    onSet({ label: name, longitude: point.longitude, latitude: point.latitude });
  };

  return (
    <fieldset className={styles.point}>
      <legend className="visually-hidden">Set a point</legend>
      <label htmlFor={`${id}-coordinates`}>Latitude, longitude (decimal degrees)</label>
      <div className={styles.pointRow}>
        <input
          id={`${id}-coordinates`}
          value={text}
          placeholder="50.45, 30.52"
          maxLength={60}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          // biome-ignore lint/a11y/noAutofocus: opened by the analyst's own "Set a point" to type into at once
          autoFocus
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              event.stopPropagation();
              set();
            } else if (event.key === "Escape") {
              event.preventDefault();
              event.stopPropagation();
              onCancel();
            }
          }}
        />
        <button type="button" onClick={set}>
          Set
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {problem ? (
        <span id={`${id}-problem`} role="alert" className={styles.problem}>
          {problem}
        </span>
      ) : (
        <span className="muted">{label.trim() ? `Named “${label.trim()}”.` : "Type a name in Place to label it."}</span>
      )}
    </fieldset>
  );
}
