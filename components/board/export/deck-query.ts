// The briefing deck's download URL from the dialog's choices (docs/exports.md): the period as UTC
// instants, the ticked indicators, and the ticked assessments, named by whichever list is shorter: the
// ticked ones, or "all" but the unticked ones (every id costs about 39 characters of the request line,
// whose headers Node caps at 16 KiB). An empty list when none is ticked, since an absent one means the
// server's own choice.
import { LIMITS } from "@/lib/schemas/common";

/** The ticked assessments by id, or every assessment on the board but `except`. */
export type AssessmentChoice = readonly string[] | { except: readonly string[] };

export type DeckChoices = {
  /** ISO instants, or null for the board's own start or end. */
  from: string | null;
  to: string | null;
  indicatorIds: readonly string[];
  assessmentIds: AssessmentChoice;
  /** The instant the board page shows (issue 19); absent or null for the board now. */
  asOf?: string | null;
};

export function briefingDeckUrl(slug: string, choices: DeckChoices): string {
  const query = new URLSearchParams();
  if (choices.from) query.set("from", choices.from);
  if (choices.to) query.set("to", choices.to);
  query.set("indicators", choices.indicatorIds.join(","));
  const assessments = choices.assessmentIds;
  if ("except" in assessments) {
    query.set("assessments", "all");
    if (assessments.except.length > 0) query.set("except", assessments.except.join(","));
  } else query.set("assessments", assessments.join(","));
  if (choices.asOf) query.set("asOf", choices.asOf);
  return `/api/boards/${encodeURIComponent(slug)}/export/briefing.pptx?${query}`;
}

/** What stops the download, in words for the dialog; null when the choices can be sent. */
export function deckChoicesProblem(choices: DeckChoices): string | null {
  if (choices.indicatorIds.length === 0) return "Choose at least one indicator.";
  const named = "except" in choices.assessmentIds ? choices.assessmentIds.except : choices.assessmentIds;
  if (named.length > LIMITS.deckAssessmentIds) {
    return `Tick at most ${LIMITS.deckAssessmentIds} assessments, or leave at most ${LIMITS.deckAssessmentIds} unticked.`;
  }
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
 * The assessments to ask for, in the shorter form: the ticked ones when they are no more than the
 * unticked ones, else all but the unticked ones. "All but" also takes in an assessment a colleague writes
 * after the dialog opened, as "all" did. Never "all but" for an empty list: the analyst was shown no
 * assessment, so the deck should not bring in every one.
 */
export function assessmentChoice(listed: readonly string[], ticked: ReadonlySet<string>): AssessmentChoice {
  const chosen = listed.filter((id) => ticked.has(id));
  const unticked = listed.filter((id) => !ticked.has(id));
  if (listed.length > 0 && unticked.length < chosen.length) return { except: unticked };
  return chosen;
}
