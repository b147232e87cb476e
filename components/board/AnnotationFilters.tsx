"use client";
// Controls that narrow the annotation panel: text search, thread status, kinds, author, tag and what the
// annotations are on. They hold no filter of their own; the owner keeps it (in the URL, see
// use-url-filter.ts) and hears every change through onChange. The author and tag choices come from the
// index's tallies (lib/annotation-index.ts), rebuilt only when an author or a tag comes or goes.
import { useEffect, useEffectEvent, useId, useMemo, useState } from "react";
import {
  type AnnotationFilter,
  EMPTY_FILTER,
  isFilterActive,
  TARGET_TYPES,
  type TargetType,
  type ThreadStatus,
} from "@/lib/annotation-filter";
import type { AnnotationIndex, AuthorEntry } from "@/lib/annotation-index";
import { ANNOTATION_KINDS } from "@/lib/schemas/annotation";
import type { WireMember } from "@/lib/schemas/board";
import { TARGET_KINDS } from "@/lib/targets/target-kinds";

type Option<T extends string> = { value: T; label: string };

const STATUS_OPTIONS: Option<ThreadStatus>[] = [
  { value: "all", label: "Open and resolved" },
  { value: "open", label: "Open" },
  { value: "resolved", label: "Resolved" },
];

const TARGET_OPTIONS: Option<TargetType>[] = TARGET_TYPES.map((value) => ({ value, label: TARGET_KINDS[value].label }));

export function AnnotationFilters({
  filter,
  onChange,
  index,
  members,
  shownCount,
}: {
  filter: AnnotationFilter;
  onChange: (filter: AnnotationFilter) => void;
  index: Pick<AnnotationIndex, "authors" | "tags" | "threadOrder">;
  members: ReadonlyMap<string, WireMember>;
  /** How many threads the filter lets through (the panel's list). */
  shownCount: number;
}) {
  const change = (changes: Partial<AnnotationFilter>) => onChange({ ...filter, ...changes });
  const search = useSearchDraft(filter.text, (text) => change({ text }));
  const threadCount = index.threadOrder.length;
  const authorChoices = useMemo(
    () => authorOptions(index.authors, members, filter.authorIds),
    [index.authors, members, filter.authorIds],
  );
  const tagChoices = useMemo(() => tagOptions(index.tags, filter.tags), [index.tags, filter.tags]);
  const searchId = useId();
  const statusId = useId();

  const toggleKind = (kind: (typeof ANNOTATION_KINDS)[number]) =>
    change({ kinds: filter.kinds.includes(kind) ? filter.kinds.filter((k) => k !== kind) : [...filter.kinds, kind] });
  const clear = () => {
    search.reset();
    onChange(EMPTY_FILTER);
  };

  return (
    <search className="annotation-filters" data-testid="annotation-filters" aria-label="Filter annotations">
      <div className="filter-row">
        <label className="visually-hidden" htmlFor={searchId}>
          Search annotations
        </label>
        <input
          id={searchId}
          type="search"
          className="filter-search"
          placeholder="Search annotations"
          value={search.draft}
          onChange={(event) => search.setDraft(event.target.value)}
        />
        <button type="button" onClick={clear} disabled={!isFilterActive(filter) && !search.draft}>
          Clear
        </button>
      </div>
      <div className="filter-row">
        <div className="filter-field">
          <label htmlFor={statusId}>Status</label>
          <select
            id={statusId}
            value={filter.status}
            onChange={(event) =>
              change({ status: STATUS_OPTIONS.find((o) => o.value === event.target.value)?.value ?? "all" })
            }
          >
            {STATUS_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <SingleChoice
          label="Author"
          anyLabel="Anyone"
          options={authorChoices}
          selected={filter.authorIds}
          onChange={(authorIds) => change({ authorIds })}
        />
        <SingleChoice
          label="Tag"
          anyLabel="Any tag"
          options={tagChoices}
          selected={filter.tags}
          onChange={(tags) => change({ tags })}
        />
        <SingleChoice
          label="On"
          anyLabel="Anything"
          options={TARGET_OPTIONS}
          selected={filter.targetTypes}
          onChange={(targetTypes) => change({ targetTypes })}
        />
      </div>
      <div className="filter-row">
        <fieldset className="filter-kinds">
          <legend className="visually-hidden">Kinds</legend>
          {ANNOTATION_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className={`kind-toggle kind-${kind}`}
              aria-pressed={filter.kinds.includes(kind)}
              onClick={() => toggleKind(kind)}
            >
              {kind}
            </button>
          ))}
        </fieldset>
        <p className="filter-count muted" aria-live="polite" aria-atomic="true">
          {shownCount} of {threadCount} {threadCount === 1 ? "thread" : "threads"}
        </p>
      </div>
    </search>
  );
}

/** Stands for a choice of several values (from a shared link); NUL cannot be in a stored tag or id. */
const SEVERAL = "\u0000several";

/**
 * One value or none; the filter allows several, which a link may carry, and which this shows as such
 * until the analyst picks one.
 */
function SingleChoice<T extends string>(props: {
  label: string;
  anyLabel: string;
  options: Option<T>[];
  selected: T[];
  onChange: (values: T[]) => void;
}) {
  const id = useId();
  const { selected, options } = props;
  const value = selected.length > 1 ? SEVERAL : (selected[0] ?? "");
  return (
    <div className="filter-field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value);
          props.onChange(chosen ? [chosen.value] : []);
        }}
      >
        <option value="">{props.anyLabel}</option>
        {selected.length > 1 ? (
          <option value={SEVERAL} disabled>
            {selected.length} chosen
          </option>
        ) : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Whoever wrote something here, by name; a chosen id nobody here wrote under stays choosable. */
function authorOptions(
  authors: ReadonlyMap<string, AuthorEntry>,
  members: ReadonlyMap<string, WireMember>,
  chosen: string[],
): Option<string>[] {
  const options = [...authors].map(([value, { name }]) => ({
    value,
    label: members.has(value) ? name : `${name} (former member)`,
  }));
  for (const id of chosen) if (!authors.has(id)) options.push({ value: id, label: "Unknown author" });
  return options.sort((a, b) => a.label.localeCompare(b.label));
}

function tagOptions(tags: ReadonlyMap<string, number>, chosen: string[]): Option<string>[] {
  const all = new Set([...tags.keys(), ...chosen]);
  return [...all].sort((a, b) => a.localeCompare(b)).map((tag) => ({ value: tag, label: tag }));
}

const SEARCH_DELAY_MS = 250;

/**
 * The search box keeps its own draft and passes it on after a pause in typing. The filter may live in
 * the URL, which changes in a transition, and a text input driven by a transition loses keystrokes.
 * A change of `text` that is not the echo of this box's own search (the back button, a link) replaces
 * the draft.
 */
function useSearchDraft(text: string, onSearch: (text: string) => void) {
  const [draft, setDraft] = useState(text);
  const [sent, setSent] = useState(text);
  const [seenText, setSeenText] = useState(text);
  if (text !== seenText) {
    setSeenText(text);
    if (text !== sent) {
      setSent(text);
      setDraft(text);
    }
  }
  const send = useEffectEvent((value: string) => {
    setSent(value);
    onSearch(value);
  });
  useEffect(() => {
    if (draft === sent) return;
    const timer = window.setTimeout(() => send(draft), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, sent]);
  const reset = () => {
    setDraft("");
    setSent("");
  };
  return { draft, setDraft, reset };
}
