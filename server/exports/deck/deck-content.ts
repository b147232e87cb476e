// What goes into the deck: the briefing pack's choice (briefing-content.ts) with the assessments the
// analyst ticked in place of the pack's own. Ticked ones go in even when about something outside the
// period (the analyst chose them); unticked ones are left out.
import type { ChartSelection } from "@/lib/charts/chart-model";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { serverTargetKindOf } from "../../annotations/target-kinds";
import { type BriefingContent, selectBriefingContent } from "../briefing/briefing-content";
import { briefingPassage } from "../briefing/briefing-passage";

export type DeckSelection = ChartSelection & {
  /**
   * Assessment ids to include (shown in the board's order), or all of them but `except`; the pack's own
   * choice when absent. An id in `except` that names no assessment leaves nothing out.
   */
  assessmentIds?: readonly string[] | { except: readonly string[] };
};

export function selectDeckContent(snapshot: BoardSnapshot, selection: DeckSelection): BriefingContent {
  const content = selectBriefingContent(snapshot, selection);
  if (!selection.assessmentIds) return content;
  const { assessmentIds } = selection;
  const leaveListedOut = "except" in assessmentIds;
  const listed = new Set(leaveListedOut ? assessmentIds.except : assessmentIds);
  const assessments = snapshot.annotations
    .filter((annotation) => annotation.kind === "assessment" && listed.has(annotation.id) !== leaveListedOut)
    .map((annotation) => ({
      annotation,
      about: serverTargetKindOf(annotation.target).briefing.describe(annotation.target, snapshot),
      passage: briefingPassage(annotation),
    }));
  return { ...content, assessments };
}
