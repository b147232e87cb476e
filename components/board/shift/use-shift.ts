// The shift handover on the board page (issue 19): the baseline (last seen before this visit), the
// handover summary fetched on load and on each return to the tab, unread threads (from that summary and
// from ops heard while hidden), the polite announcements of colleagues' notes, and notifications.
import { useCallback, useEffect, useRef, useState } from "react";
import type { LiveBoard } from "@/lib/board-state";
import type { WireWarning } from "@/lib/events";
import type { WireOp } from "@/lib/ops";
import type { AnnotationIndex } from "@/lib/annotation-index";
import type { ChangesSummary, SeenState, ThreadNews } from "@/lib/schemas/shift";
import { apiRequest, describeFailure } from "../../ui/api-request";
import { retryDelayMs } from "../retry-delay";
import type { BoardSend } from "../use-live-board";
import { isQuiet } from "./handover-lines";
import { announcementOf } from "./note-words";
import { useHiddenNotifications } from "./use-hidden-notifications";
import { usePageVisible } from "./use-page-visible";
import { useSeenReporter } from "./use-seen-reporter";
import { clearThread, clearThrough, countOp, markMentions, mergeSummary, NO_UNREAD, type UnreadThreads } from "./unread";

type Options = {
  boardId: string;
  slug: string;
  userId: string | undefined;
  board: LiveBoard | null;
  liveOps: WireOp[];
  liveEpoch: number;
  seen: SeenState | null;
  warnings: WireWarning[];
  send: BoardSend;
  /** The page shows the board as of a past instant: the live board is not in front of the analyst. */
  showingPast?: boolean;
};

export function useShift({
  boardId,
  slug,
  userId,
  board,
  liveOps,
  liveEpoch,
  seen,
  warnings,
  send,
  showingPast = false,
}: Options) {
  // Reading the live board: the tab in front and not turned to the past. Looking at the board as of an
  // instant is like a hidden tab: nothing live is seen, and going back to live brings the handover.
  const visible = usePageVisible() && !showingPast;
  const readingNow = useRef(visible);
  readingNow.current = visible;
  const seq = board?.seq ?? 0;
  const [unread, setUnread] = useState<UnreadThreads>(NO_UNREAD);
  const [summary, setSummary] = useState<ChangesSummary | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [baselineKnown, setBaselineKnown] = useState(false);
  /** The last seen as this page knows it: the baseline for the next return. */
  const lastSeen = useRef<number | null>(null);
  const { reported, report } = useSeenReporter({ boardId, seq, visible, enabled: baselineKnown, liveEpoch, send });
  const notifications = useHiddenNotifications({ userId, warnings });
  const annotationsNow = useRef(board?.state.annotations);
  annotationsNow.current = board?.state.annotations;
  const userIdNow = useRef(userId);
  userIdNow.current = userId;

  /** New notes the summary named before the live board held them: whether they name the analyst is read later. */
  const notesToCheck = useRef(new Set<string>());
  const takeSummary = useCallback((next: ChangesSummary) => {
    lastSeen.current = Math.max(lastSeen.current ?? 0, next.since.seq);
    const notes = newNotesOf(next, userIdNow.current, annotationsNow.current);
    for (const note of notes) if (!annotationsNow.current?.byId.has(note.rootId)) notesToCheck.current.add(note.rootId);
    setUnread((current) => mergeSummary(current, [...next.threads, ...notes], next.until.seq));
    if (!isQuiet(next)) setSummary(next);
  }, []);

  // The summary usually answers before the live board has loaded: once it holds those notes, a note that
  // names the analyst marks its thread (checked once per note, not per op over the board).
  const annotations = board?.state.annotations;
  useEffect(() => {
    if (!annotations || !userId || !notesToCheck.current.size) return;
    const naming: string[] = [];
    for (const rootId of notesToCheck.current) {
      const note = annotations.byId.get(rootId);
      if (!note) continue;
      notesToCheck.current.delete(rootId);
      if (note.mentions.some((person) => person.id === userId)) naming.push(rootId);
    }
    if (naming.length) setUnread((current) => markMentions(current, naming));
  }, [annotations, userId]);

  // On load: the server's own last seen is the baseline (asked before this page reports anything). A
  // failed load is named and asked again after a wait; until it answers nothing is reported, or the
  // report would move the last seen past what the handover has to name.
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [loadAttempt, setLoadAttempt] = useState(0);
  const failedLoads = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new loadAttempt asks again
  useEffect(() => {
    let stale = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    void apiRequest<ChangesSummary>(`/api/boards/${slug}/changes`).then((result) => {
      if (stale) return;
      if (!result.ok) {
        setLoadProblem(describeFailure(result.error));
        retry = setTimeout(
          () => setLoadAttempt((count) => count + 1),
          retryDelayMs(result.error.retryAfterMs, failedLoads.current++),
        );
        return;
      }
      failedLoads.current = 0;
      setLoadProblem(null);
      takeSummary(result.body);
      setBaselineKnown(true);
    });
    return () => {
      stale = true;
      clearTimeout(retry);
    };
  }, [slug, takeSummary, loadAttempt]);
  const retryLoad = useCallback(() => setLoadAttempt((count) => count + 1), []);

  // Back to the tab after it was hidden: what changed since the last seen before this return (what this
  // page had reported when it was hidden, or more if another device saw further meanwhile).
  const wasVisible = useRef(visible);
  const reportedWhenHidden = useRef(0);
  useEffect(() => {
    const cameBack = visible && !wasVisible.current;
    if (!visible && wasVisible.current) reportedWhenHidden.current = reported.current;
    wasVisible.current = visible;
    if (!cameBack || !baselineKnown || lastSeen.current === null) return;
    const since = Math.max(lastSeen.current, reportedWhenHidden.current);
    lastSeen.current = since;
    if (seq <= since) return;
    void apiRequest<ChangesSummary>(`/api/boards/${slug}/changes?since=${since}`).then((result) => {
      if (result.ok) takeSummary(result.body);
    });
  }, [visible, baselineKnown, seq, slug, takeSummary, reported]);

  // Another device (or this page's own report, echoed) moved the last seen.
  useEffect(() => {
    if (!seen) return;
    lastSeen.current = Math.max(lastSeen.current ?? 0, seen.seq);
    if (seen.seq > reported.current) setUnread((current) => clearThrough(current, seen.seq));
  }, [seen, reported]);

  // Live ops, each looked at once (newest at the end): a hidden tab counts colleagues' notes as unread;
  // every tab announces them politely; a hidden one may notify of a mention.
  const heard = useRef(0);
  const { notifyOps } = notifications;
  useEffect(() => {
    const fresh: WireOp[] = [];
    for (let index = liveOps.length - 1; index >= 0; index--) {
      const op = liveOps[index];
      if (!op || op.seq <= heard.current) break;
      fresh.push(op);
    }
    if (!fresh.length || !userId) return;
    fresh.reverse();
    heard.current = fresh.at(-1)?.seq ?? heard.current;
    if (!readingNow.current) setUnread((current) => fresh.reduce((next, op) => countOp(next, op, userId), current));
    const words = announcementOf(fresh, userId, annotationsNow.current);
    if (words) setAnnouncement(words);
    notifyOps(fresh);
  }, [liveOps, userId, notifyOps]);

  const currentThread = useRef<string | null>(null);
  const visit = useCallback((threadId: string) => {
    currentThread.current = threadId;
    setUnread((current) => clearThread(current, threadId));
  }, []);
  const markAllRead = useCallback(() => {
    setUnread(NO_UNREAD);
    report(seq);
  }, [report, seq]);
  const dismissSummary = useCallback(() => setSummary(null), []);

  return {
    unread,
    visit,
    currentThread,
    markAllRead,
    summary,
    dismissSummary,
    /** Why "what changed" could not be loaded (it is asked again after a wait), or null. */
    loadProblem,
    retryLoad,
    announcement,
    announce: setAnnouncement,
    notifications,
  };
}

/**
 * New top-level notes in the window are unread threads too (the summary's threads are those with new
 * replies); whether one names the analyst is read from the live board, which holds the note.
 */
function newNotesOf(
  summary: ChangesSummary,
  userId: string | undefined,
  index: AnnotationIndex | undefined,
): ThreadNews[] {
  return summary.items
    .filter((item) => item.kind === "annotation")
    .map((item) => {
      const rootId = item.rootId ?? item.entityId;
      const note = index?.byId.get(rootId);
      return { rootId, newReplies: 0, mentionsYou: Boolean(note?.mentions.some((person) => person.id === userId)) };
    });
}
