"use client";
// The board header's "Views" menu (issue 19): the board's saved views, for everyone; choosing one applies
// its annotation filter, time range and indicators and names it in the URL (?view=<id>), so a link opens
// the board in that view. Editors save what the page shows under a name (the same name replaces that
// view) and delete views. A disclosure button and a panel of ordinary buttons and fields: Tab walks it,
// Escape closes it and gives the focus back to the button.
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { parseFilter, serializeFilter, withFilter } from "@/lib/annotation-filter";
import { sameRange, type TimeRange } from "@/lib/charts/time-range";
import type { WireOp } from "@/lib/ops";
import type { WireIndicator } from "@/lib/schemas/board";
import { SAVED_VIEW_NAME_MAX, type WireSavedView } from "@/lib/schemas/shift";
import { formatUtc } from "@/lib/time";
import { describeFailure } from "../../ui/api-request";
import type { BoardSend } from "../use-live-board";
import styles from "./views-menu.module.css";
import { type ShownView, shownViewOf, viewNamed, viewStateOf } from "./saved-views";
import { useSavedViews } from "./use-saved-views";

/** The query parameter that names the view a link opens the board in. */
export const VIEW_PARAM = "view";

export type AppliedView = { range: TimeRange | null; indicatorIds: readonly string[] | null };

type Props = {
  boardId: string;
  send: BoardSend;
  liveOps: readonly WireOp[];
  liveEpoch: number;
  canEdit: boolean;
  indicators: readonly WireIndicator[];
  /** What the charts show now (the filter is read from the URL here). */
  range: TimeRange | null;
  indicatorIds: readonly string[] | null;
  onApply: (view: AppliedView) => void;
};

export function ViewsMenu({
  boardId,
  send,
  liveOps,
  liveEpoch,
  canEdit,
  indicators,
  range,
  indicatorIds,
  onApply,
}: Props) {
  const { views, problem: listProblem, save, remove } = useSavedViews({ boardId, send, liveOps, liveEpoch });
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const chosenId = searchParams.get(VIEW_PARAM);
  const chosen = views?.find((view) => view.id === chosenId) ?? null;

  const showInUrl = (params: URLSearchParams) => {
    const query = params.toString();
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  };
  const apply = (view: WireSavedView) => {
    const shown = shownViewOf(view.state);
    const params = withFilter(searchParams, shown.filter);
    params.set(VIEW_PARAM, view.id);
    showInUrl(params);
    onApply({ range: shown.range, indicatorIds: shown.indicatorIds });
  };

  // A link with ?view= opens the board in that view, once the views are in (once per view named).
  const appliedFromLink = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: applied once per view the link names
  useEffect(() => {
    if (!chosen || appliedFromLink.current === chosen.id) return;
    appliedFromLink.current = chosen.id;
    const shown = shownViewOf(chosen.state);
    onApply({ range: shown.range, indicatorIds: shown.indicatorIds });
    const params = withFilter(searchParams, shown.filter);
    if (params.toString() !== searchParams.toString()) showInUrl(params);
  }, [chosen]);

  const close = () => {
    setOpen(false);
    setSaving(false);
    button.current?.focus();
  };
  const removeView = async (view: WireSavedView) => {
    const result = await remove(view.id);
    if (result !== true) return setProblem(describeFailure(result.error));
    setProblem(null);
    if (chosenId === view.id) {
      const params = new URLSearchParams(searchParams.toString());
      params.delete(VIEW_PARAM);
      showInUrl(params);
    }
  };

  const shown: ShownView = { filter: parseFilter(searchParams), range, indicatorIds };
  // The page no longer shows the chosen view as saved (a filter or the range moved since): say so, and
  // the link still opens the view as saved.
  const changed = chosen !== null && appliedFromLink.current === chosen.id && !showsView(shown, chosen);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the menu closes it
    <div
      className={styles.menu}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => (open ? close() : setOpen(true))}
        data-testid="views-button"
      >
        {chosen ? `View: ${chosen.name}${changed ? " (changed)" : ""}` : "Views"}
      </button>
      {open ? (
        <section id={panelId} className={styles.panel} aria-label="Saved views">
          {views === null ? (
            <p className="muted" role="status">
              {listProblem
                ? `The views could not be listed: ${listProblem}. Trying again shortly.`
                : "Loading the views…"}
            </p>
          ) : views.length === 0 ? (
            <p className="muted">No saved views on this board yet.</p>
          ) : (
            <ul className={styles.list} aria-label="Views on this board">
              {views.map((view) => (
                <li key={view.id} className={styles.item}>
                  <button
                    type="button"
                    className={styles.choose}
                    aria-current={view.id === chosenId ? "true" : undefined}
                    onClick={() => {
                      apply(view);
                      close();
                    }}
                  >
                    <span className={styles.name}>{view.name}</span>
                    <span className={styles.summary}>{summaryOf(view, indicators)}</span>
                  </button>
                  {canEdit ? (
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Delete the view ${view.name}`}
                      onClick={() => void removeView(view)}
                    >
                      Delete
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {indicatorIds ? (
            <button type="button" className="link-button" onClick={() => onApply({ range, indicatorIds: null })}>
              Show all indicators
            </button>
          ) : null}
          {problem ? (
            <p className="problem" role="alert">
              {problem}
            </p>
          ) : null}
          {canEdit ? (
            saving ? (
              <SaveViewForm
                views={views ?? []}
                indicators={indicators}
                shown={shown}
                onCancel={() => setSaving(false)}
                onSave={async (view) => {
                  const result = await save(view);
                  if ("ok" in result) return describeFailure(result.error);
                  const params = new URLSearchParams(searchParams.toString());
                  params.set(VIEW_PARAM, result.id);
                  appliedFromLink.current = result.id;
                  showInUrl(params);
                  onApply({ range, indicatorIds: result.state.indicatorIds ?? null });
                  close();
                  return null;
                }}
              />
            ) : (
              <button type="button" onClick={() => setSaving(true)}>
                Save current view…
              </button>
            )
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function SaveViewForm({
  views,
  indicators,
  shown,
  onCancel,
  onSave,
}: {
  views: readonly WireSavedView[];
  indicators: readonly WireIndicator[];
  shown: ShownView;
  onCancel: () => void;
  /** Answers a problem to show, or null once saved. */
  onSave: (view: { id: string; name: string; state: ReturnType<typeof viewStateOf> }) => Promise<string | null>;
}) {
  const [name, setName] = useState("");
  const [picked, setPicked] = useState<readonly string[]>(
    () => shown.indicatorIds ?? indicators.map((indicator) => indicator.id),
  );
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // One id per form: a save sent again after a lost answer is the same save (the server answers it once).
  const [newId] = useState(() => crypto.randomUUID());
  const nameId = useId();
  const existing = viewNamed(views, name);
  const allPicked = indicators.every((indicator) => picked.includes(indicator.id));
  const filterText = describeFilter(serializeFilter(shown.filter));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const indicatorIds = allPicked ? null : indicators.map((i) => i.id).filter((id) => picked.includes(id));
    const state = viewStateOf({ ...shown, indicatorIds });
    const failed = await onSave({ id: existing?.id ?? newId, name: name.trim(), state });
    setBusy(false);
    setProblem(failed);
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Save the current view">
      <label htmlFor={nameId}>View name</label>
      <input
        id={nameId}
        value={name}
        maxLength={SAVED_VIEW_NAME_MAX}
        required
        // biome-ignore lint/a11y/noAutofocus: the analyst asked to name a view; the name comes first
        autoFocus
        onChange={(event) => setName(event.target.value)}
      />
      <dl className={styles.captured}>
        <dt>Filters</dt>
        <dd>{filterText || "none"}</dd>
        <dt>Time range</dt>
        <dd>{shown.range ? rangeText(shown.range) : "the whole board"}</dd>
      </dl>
      <fieldset className={styles.indicators}>
        <legend>Indicators shown</legend>
        {indicators.map((indicator) => (
          <label key={indicator.id}>
            <input
              type="checkbox"
              checked={picked.includes(indicator.id)}
              onChange={(event) =>
                setPicked((ids) =>
                  event.target.checked ? [...ids, indicator.id] : ids.filter((id) => id !== indicator.id),
                )
              }
            />{" "}
            {indicator.name}
          </label>
        ))}
      </fieldset>
      {existing ? <p className="muted">Saving replaces the view “{existing.name}” for everyone.</p> : null}
      <div className={styles.actions}>
        <button type="submit" disabled={busy || !name.trim()}>
          {busy ? "Saving…" : existing ? "Replace view" : "Save view"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {problem ? (
        <p className="problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

function showsView(shown: ShownView, view: WireSavedView): boolean {
  const saved = shownViewOf(view.state);
  return (
    serializeFilter(shown.filter).toString() === serializeFilter(saved.filter).toString() &&
    sameRange(shown.range, saved.range) &&
    (shown.indicatorIds ?? []).join() === (saved.indicatorIds ?? []).join() &&
    (shown.indicatorIds === null) === (saved.indicatorIds === null)
  );
}

/** "kind: assessment, warning · status: open" */
function describeFilter(params: URLSearchParams): string {
  return [...new Set(params.keys())].map((key) => `${key}: ${params.getAll(key).join(", ")}`).join(" · ");
}

function rangeText([from, to]: TimeRange): string {
  return `${formatUtc(new Date(from).toISOString())} – ${formatUtc(new Date(to).toISOString())}`;
}

function summaryOf(view: WireSavedView, indicators: readonly WireIndicator[]): string {
  const shown = shownViewOf(view.state);
  const parts = [describeFilter(serializeFilter(shown.filter)) || "no filter"];
  if (shown.range) parts.push(rangeText(shown.range));
  if (shown.indicatorIds) {
    const names = indicators.filter((indicator) => shown.indicatorIds?.includes(indicator.id)).map((i) => i.name);
    parts.push(names.length ? names.join(", ") : "no indicators");
  }
  return parts.join(" · ");
}
