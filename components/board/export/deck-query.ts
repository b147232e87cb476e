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
