"use client";
// The shift on the board page (issue 19): unread threads and "mark all as read", the handover panel, the
// triage keys and their dialog, notifications while hidden, and the polite announcement of colleagues'
// notes (never moving the focus).
import "./shift.css";
import { useCallback, useMemo, useState } from "react";
import type { BoardState } from "@/lib/board-state";
import type { AnnotationAbilities } from "../annotation-abilities";
import type { BoardSend } from "../use-live-board";
import type { HandoverNames, HandoverTarget } from "./handover-lines";
import { HandoverPanel } from "./HandoverPanel";
import { KeyHelpDialog } from "./KeyHelpDialog";
import type { TriageAction } from "./key-map";
import { nextUnread, unreadTotals } from "./unread";
import type { useShift } from "./use-shift";
import { useTriageKeys } from "./use-triage-keys";

type Props = {
  shift: ReturnType<typeof useShift>;
  board: BoardState | undefined;
  abilities: AnnotationAbilities;
  send: BoardSend;
  onOpenThread: (threadId: string) => void;
  onShowEvent: (eventId: string) => void;
  /** Puts the charts back in the middle column (a document may be open there). */
  onShowCharts: () => void;
};

export function ShiftBar({ shift, board, abilities, send, onOpenThread, onShowEvent, onShowCharts }: Props) {
  const { unread, visit, currentThread, announce } = shift;
  const [helpOpen, setHelpOpen] = useState(false);
  const totals = unreadTotals(unread);
  const order = board?.annotations.threadOrder;
  const indicators = board?.indicators.byId;
  const names = useMemo<HandoverNames>(
    () => ({ indicatorName: (indicatorId) => indicators?.get(indicatorId)?.name }),
    [indicators],
  );

  const goToThread = useCallback(
    (threadId: string) => {
      visit(threadId);
      onOpenThread(threadId);
    },
    [visit, onOpenThread],
  );
  const walk = (direction: 1 | -1) => {
    const threadId = order ? nextUnread(order, unread, currentThread.current, direction) : null;
    if (threadId) goToThread(threadId);
    else announce("No unread threads.");
  };
  const go = (target: HandoverTarget) => {
    if (target.type === "event") onShowEvent(target.eventId);
    else if (target.type === "thread") goToThread(target.threadId);
    else if (target.type === "unread") walk(1);
    else showIndicator(target.indicatorId, names, onShowCharts);
  };
  const toggleResolved = async () => {
    const threadId = currentThread.current;
    const thread = threadId ? board?.annotations.threads.get(threadId) : undefined;
    if (!thread) return announce("No thread is chosen: press j to go to one.");
    if (!abilities.resolve) return announce("You cannot resolve threads on this board.");
    const resolved = thread.top.resolvedAt !== null;
    const result = await send(resolved ? "annotation:reopen" : "annotation:resolve", {
      id: thread.top.id,
      boardId: thread.top.boardId,
    });
    announce(result.ok ? (resolved ? "Thread reopened." : "Thread resolved.") : result.error.message);
  };

  const handlers: Record<TriageAction, () => void> = {
    "next-unread": () => walk(1),
    "previous-unread": () => walk(-1),
    reply: () => {
      const threadId = currentThread.current;
      const box = threadId ? document.getElementById(`reply-${threadId}`) : null;
      if (box) box.focus();
      else announce(threadId ? "This thread takes no reply (resolved, or you may only read)." : "No thread is chosen.");
    },
    resolve: () => void toggleResolved(),
    search: () => document.querySelector<HTMLInputElement>('input[aria-label="Search this board"]')?.focus(),
    help: () => setHelpOpen(true),
  };
  useTriageKeys(handlers);

  const { notifications } = shift;
  return (
    <>
      <div className="shift-bar" data-testid="shift-bar">
        <span className="shift-count" data-testid="unread-total">
          {totals.threads ? (
            <>
              <strong>{totals.threads}</strong> unread {totals.threads === 1 ? "thread" : "threads"}
              {totals.mentions ? ` (${totals.mentions} ${totals.mentions === 1 ? "names" : "name"} you)` : ""}
            </>
          ) : (
            "No unread threads"
          )}
        </span>
        <button type="button" onClick={shift.markAllRead}>
          Mark all as read
        </button>
        <label>
          <input type="checkbox" checked={notifications.enabled} onChange={() => void notifications.toggle()} />
          Notify me when this tab is hidden
        </label>
        {notifications.problem ? <span role="status">{notifications.problem}</span> : null}
        {shift.loadProblem ? (
          <span role="status" className="shift-problem" data-testid="shift-load-problem">
            What changed since you last looked could not be loaded: {shift.loadProblem}. Trying again shortly.{" "}
            <button type="button" onClick={shift.retryLoad}>
              Retry now
            </button>
          </span>
        ) : null}
        <button type="button" className="link-button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
          Keys (?)
        </button>
      </div>
      {shift.summary ? (
        <HandoverPanel summary={shift.summary} names={names} onGo={go} onDismiss={shift.dismissSummary} />
      ) : null}
      <p className="visually-hidden" aria-live="polite" data-testid="shift-announcer">
        {shift.announcement}
      </p>
      <KeyHelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}

/** Brings an indicator's chart into view and onto the keyboard focus (the charts may be behind a document). */
function showIndicator(indicatorId: string, names: HandoverNames, showCharts: () => void) {
  const name = names.indicatorName(indicatorId);
  if (!name) return;
  showCharts();
  requestAnimationFrame(() => {
    const figure = [...document.querySelectorAll<HTMLElement>('figure[data-testid="indicator-chart"]')].find(
      (element) => element.getAttribute("aria-label")?.startsWith(`${name} (`),
    );
    if (!figure) return;
    figure.tabIndex = -1;
    figure.scrollIntoView({ block: "center" });
    figure.focus();
  });
}
