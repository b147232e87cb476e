// The briefing deck's download URL from the dialog's choices (docs/exports.md): the period as UTC
// instants, the ticked indicators, and the ticked assessments — "all" when every one is (a big board's
// ids would not fit in a request line), and an empty list when none is, since an absent one means the
// server's own choice.

export type DeckChoices = {
  /** ISO instants, or null for the board's own start or end. */
  from: string | null;
  to: string | null;
  indicatorIds: readonly string[];
  assessmentIds: readonly string[] | "all";
};

export function briefingDeckUrl(slug: string, choices: DeckChoices): string {
  const query = new URLSearchParams();
  if (choices.from) query.set("from", choices.from);
  if (choices.to) query.set("to", choices.to);
  query.set("indicators", choices.indicatorIds.join(","));
  query.set("assessments", choices.assessmentIds === "all" ? "all" : choices.assessmentIds.join(","));
  return `/api/boards/${encodeURIComponent(slug)}/export/briefing.pptx?${query}`;
}

/** What stops the download, in words for the dialog; null when the choices can be sent. */
export function deckChoicesProblem(choices: DeckChoices): string | null {
  if (choices.indicatorIds.length === 0) return "Choose at least one indicator.";
  if (choices.from && choices.to && Date.parse(choices.from) > Date.parse(choices.to)) {
    return "The period must not end before it starts.";
  }
  return null;
}

const MINUTE_MS = 60_000;

/**
 * The dialog's period fields (minutes, UTC) for a period in ms. The fields hold minutes: the end is rounded
 * up to the next minute, since cutting it down would leave out what happened in the period's last minute;
 * the start is cut down, which also only widens the period.
 */
export function periodInputs(period: readonly [number, number]): { from: string; to: string } {
  const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  return {
    from: minute(Math.floor(period[0] / MINUTE_MS) * MINUTE_MS),
    to: minute(Math.ceil(period[1] / MINUTE_MS) * MINUTE_MS),
  };
}

/**
 * The assessments to ask for: "all" while every listed one is ticked, else the ticked ones. Never "all"
 * for an empty list: the analyst was shown no assessment, so the deck should not bring in every one.
 */
export function assessmentChoice(listed: readonly string[], ticked: ReadonlySet<string>): readonly string[] | "all" {
  if (listed.length > 0 && listed.every((id) => ticked.has(id))) return "all";
  return listed.filter((id) => ticked.has(id));
}
