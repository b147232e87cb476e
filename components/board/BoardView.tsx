"use client";
// The board page: header (title, live state, who is here and what they look at, mentions), timeline
// and activity, indicator charts, and the annotation threads.
import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { can } from "@/lib/permissions";
import type { TAnnotationCreateInput, TAnnotationTarget } from "@/lib/schemas/annotation";
import type { BoardSnapshot, BoardSummary } from "@/lib/schemas/board";
import { AppHeader } from "../ui/AppHeader";
import { Problem } from "../ui/Problem";
import { useSessionUser } from "../ui/use-session-user";
import { ActivityFeed } from "./ActivityFeed";
import { AnnotationsPanel } from "./AnnotationsPanel";
import { annotationAbilities } from "./annotation-abilities";
import { ChartsPanel } from "./ChartsPanel";
import { ConnectionBadge } from "./ConnectionBadge";
import { SourcesPanel } from "./content/SourcesPanel";
import { MentionsPanel } from "./MentionsPanel";
import { PresenceBar } from "./PresenceBar";
import { Timeline } from "./Timeline";
import { useLiveBoard } from "./use-live-board";
import { useOutbox } from "./use-outbox";
import { usePresenceReporter } from "./use-presence-reporter";
import { WarningAlerts } from "./WarningAlerts";

const LEFT_MESSAGES = {
  removed: "You are no longer a member of this board.",
  deleted: "This board was deleted by its owner.",
} as const;

export function BoardView({ summary }: { summary: BoardSummary }) {
  const { board, connection, presence, error, left, liveOps, liveEpoch, send, warnings, dismissWarning } = useLiveBoard(
    summary.id,
  );
  const user = useSessionUser();
  const [target, setTarget] = useState<TAnnotationTarget>({ type: "board" });
  const [viewRange, setViewRange] = useState<[number, number] | null>(null);
  const snapshot = board?.snapshot;
  const sendCreate = useCallback((input: TAnnotationCreateInput) => send("annotation:create", input), [send]);
  const outbox = useOutbox({ boardId: summary.id, userId: user?.id, liveEpoch, sendCreate });
  const { setFocus, setTyping } = usePresenceReporter(summary.id, send, liveEpoch);

  const domain = useMemo<[number, number]>(() => (snapshot ? boardSpan(snapshot) : [0, 1]), [snapshot]);

  const ticks = useMemo(() => weeklyTicks(domain), [domain]);

  const annotationCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const annotation of snapshot?.annotations ?? []) {
      if (annotation.target.type === "event") {
        counts.set(annotation.target.eventId, (counts.get(annotation.target.eventId) ?? 0) + 1);
      }
    }
    return counts;
  }, [snapshot]);

  // The live snapshot knows of renames, archiving and role changes made while the page is open.
  const liveBoard = snapshot?.board ?? summary;
  const role = snapshot?.members.find((member) => member.userId === user?.id)?.role ?? summary.role;
  const abilities = annotationAbilities({ role, userId: user?.id, writable: !liveBoard.archived });
  const canEditContent = !liveBoard.archived && can(role, "content.write");

  if (left) {
    return (
      <div className="board-page">
        <AppHeader />
        <p className="problem" role="alert" data-testid="board-left">
          {LEFT_MESSAGES[left]} <Link href="/">Back to your boards</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="board-page">
      {liveBoard.handling ? (
        <div className="handling" data-testid="handling">
          {liveBoard.handling}
        </div>
      ) : null}
      <AppHeader>
        <h1 className="board-title">{liveBoard.title}</h1>
        {liveBoard.archived ? <span className="tag">archived · read only</span> : null}
        <ConnectionBadge state={connection} />
        <PresenceBar members={presence} snapshot={snapshot} />
        <MentionsPanel slug={summary.slug} userId={user?.id} liveOps={liveOps} />
        <Link href={`/boards/${summary.slug}/members`} className="header-link">
          Members
        </Link>
      </AppHeader>
      <Problem message={error} />
      <WarningAlerts warnings={warnings} onDismiss={dismissWarning} />
      {!snapshot ? (
        <p className="muted loading">Loading the board…</p>
      ) : (
        <main className="board-grid">
          <div className="panel-column">
            <Timeline
              boardId={summary.id}
              events={snapshot.events}
              sources={snapshot.sources}
              viewRange={viewRange}
              canEdit={canEditContent}
              send={send}
              annotationCounts={annotationCounts}
              canAnnotate={abilities.create}
              onAnnotate={(event) => {
                setTarget({ type: "event", eventId: event.id });
                setFocus({ type: "event", id: event.id });
              }}
            />
            <SourcesPanel boardId={summary.id} sources={snapshot.sources} canEdit={canEditContent} send={send} />
            <ActivityFeed slug={summary.slug} snapshot={snapshot} liveOps={liveOps} />
          </div>
          <ChartsPanel
            snapshot={snapshot}
            domain={domain}
            ticks={ticks}
            canEdit={canEditContent}
            send={send}
            viewRange={viewRange}
            onViewRangeChange={setViewRange}
            canAnnotate={abilities.create}
            onPick={(indicatorId, observation) => {
              setTarget({ type: "indicator", indicatorId, at: observation.observedAt });
              setFocus({ type: "indicator", id: indicatorId });
            }}
            onPickRange={(indicatorId, from, to) => {
              setTarget({ type: "indicator-range", indicatorId, from, to });
              setFocus({ type: "indicator", id: indicatorId });
            }}
          />
          <AnnotationsPanel
            snapshot={snapshot}
            abilities={abilities}
            send={send}
            outbox={outbox}
            presence={presence}
            target={target}
            onClearTarget={() => setTarget({ type: "board" })}
            onTyping={setTyping}
            onFocusThread={(threadId) => setFocus({ type: "thread", id: threadId })}
          />
        </main>
      )}
    </div>
  );
}

const DAY_MS = 86_400_000;

/** One tick per week at 00:00Z, shared by every chart so their time axes line up. */
function weeklyTicks([start, end]: [number, number]): number[] {
  const ticks: number[] = [];
  const step = end - start > 120 * DAY_MS ? 28 * DAY_MS : 7 * DAY_MS;
  for (let tick = Math.ceil(start / DAY_MS) * DAY_MS; tick <= end; tick += step) ticks.push(tick);
  return ticks;
}

/** The earliest and latest instant of the board's events and observations; a loop, since spreading
 * 100,000 times into Math.min would near the engine's argument limit. */
function boardSpan(snapshot: BoardSnapshot): [number, number] {
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  const include = (iso: string) => {
    const time = Date.parse(iso);
    if (time < earliest) earliest = time;
    if (time > latest) latest = time;
  };
  for (const event of snapshot.events) include(event.occurredAt);
  for (const indicator of snapshot.indicators)
    for (const observation of indicator.observations) include(observation.observedAt);
  return earliest <= latest ? [earliest, latest] : [0, 1];
}
