// The handover panel's lines from a changes summary (issue 19): words for each count and where each line
// leads. Pure, so the wording is tested without a page. Times in UTC with "Z".
import type { ChangeItem, ChangesSummary } from "@/lib/schemas/shift";

/** Where a line takes the analyst. */
export type HandoverTarget =
  | { type: "event"; eventId: string }
  | { type: "thread"; threadId: string }
  | { type: "indicator"; indicatorId: string }
  | { type: "unread" };

export type HandoverLine = { key: string; text: string; target: HandoverTarget | null };

const numberFormat = new Intl.NumberFormat("en-GB");
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" });
const pad = (value: number) => String(value).padStart(2, "0");

const plural = (count: number, one: string, many: string) =>
  `${numberFormat.format(count)} ${count === 1 ? one : many}`;

/** "18:40Z" today (UTC), "5 Dec 18:40Z" another day, "14 Jan 2022 13:00Z" another year. */
export function handoverTime(iso: string, now: Date): string {
  const date = new Date(iso);
  const clock = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}Z`;
  const sameDay = date.toISOString().slice(0, 10) === now.toISOString().slice(0, 10);
  if (sameDay) return clock;
  const year = date.getUTCFullYear() === now.getUTCFullYear() ? "" : ` ${date.getUTCFullYear()}`;
  return `${date.getUTCDate()} ${monthFormat.format(date)}${year} ${clock}`;
}

/** "11 h ago", "25 min ago", "3 days ago", "5 months ago", "4 years ago". */
export function agoText(iso: string, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 60_000));
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 60) return `${days} days ago`;
  // A board whose log is old (the demo's crisis week): days by the thousand say nothing.
  if (days < 730) return `${Math.round(days / 30.44)} months ago`;
  return `${Math.floor(days / 365.25)} years ago`;
}

export function handoverHeading(summary: ChangesSummary, now: Date): string {
  if (!summary.since.at || summary.since.seq === 0) return "Since you joined the board";
  return `Since ${handoverTime(summary.since.at, now)} (${agoText(summary.since.at, now)})`;
}

/** Names for the parts of the board the lines mention (from the live state). */
export type HandoverNames = { indicatorName: (indicatorId: string) => string | undefined };

export function handoverLines(summary: ChangesSummary, names: HandoverNames): HandoverLine[] {
  const { counts, warningsCrossed, threads, items } = summary;
  const newest = (kind: ChangeItem["kind"]) => items.find((item) => item.kind === kind);
  const lines: HandoverLine[] = [];
  if (counts.events) {
    const item = newest("event");
    lines.push({
      key: "events",
      text: plural(counts.events, "new event", "new events"),
      target: item ? { type: "event", eventId: item.entityId } : null,
    });
  }
  if (counts.observations) {
    const item = newest("observation");
    lines.push({
      key: "figures",
      text: plural(counts.observations, "figure", "figures"),
      target: item?.indicatorId ? { type: "indicator", indicatorId: item.indicatorId } : null,
    });
  }
  if (warningsCrossed.length) {
    const named = warningsCrossed.slice(0, 2).map((warning) => {
      const name = names.indicatorName(warning.indicatorId) ?? "an indicator";
      return `${name} ${warning.direction} ${numberFormat.format(warning.threshold)}`;
    });
    const more = warningsCrossed.length > named.length ? `, +${warningsCrossed.length - named.length} more` : "";
    const first = warningsCrossed[0];
    lines.push({
      key: "thresholds",
      text: `${plural(warningsCrossed.length, "threshold crossed", "thresholds crossed")} (${named.join("; ")}${more})`,
      target: first ? { type: "indicator", indicatorId: first.indicatorId } : null,
    });
  }
  if (counts.annotations) {
    const item = newest("annotation");
    lines.push({
      key: "notes",
      text: plural(counts.annotations, "new note", "new notes"),
      target: item ? { type: "thread", threadId: item.rootId ?? item.entityId } : null,
    });
  }
  const replied = threads.filter((thread) => thread.newReplies > 0);
  if (replied.length) {
    const naming = replied.filter((thread) => thread.mentionsYou).length;
    lines.push({
      key: "threads",
      text: `${plural(replied.length, "thread with new replies", "threads with new replies")}${naming ? ` (${numberFormat.format(naming)} ${naming === 1 ? "names" : "name"} you)` : ""}`,
      target: { type: "unread" },
    });
  }
  const confidence = items.filter((item) => item.kind === "confidence");
  const firstConfidence = confidence[0];
  if (firstConfidence) {
    lines.push({
      key: "confidence",
      text: `${plural(confidence.length, "assessment's", "assessments'")} confidence changed`,
      target: { type: "thread", threadId: firstConfidence.rootId ?? firstConfidence.entityId },
    });
  }
  const others = counts.edits - confidence.length;
  if (others > 0 || counts.deletions) {
    const parts = [];
    if (others > 0) parts.push(plural(others, "other edit", "other edits"));
    if (counts.deletions) parts.push(plural(counts.deletions, "deletion", "deletions"));
    lines.push({ key: "edits", text: parts.join(", "), target: null });
  }
  return lines;
}

/** Nothing in the window worth a panel. */
export function isQuiet(summary: ChangesSummary): boolean {
  const { counts } = summary;
  return (
    counts.events + counts.observations + counts.annotations + counts.replies + counts.edits + counts.deletions === 0 &&
    !summary.warningsCrossed.length &&
    !summary.threads.length
  );
}
