"use client";
// The board page: header (title, live state, who is here), timeline, indicator charts, annotations.
import Link from "next/link";
import { useMemo, useState } from "react";
import { can } from "@/lib/permissions";
import type { TAnnotationTarget } from "@/lib/schemas/annotation";
import type { BoardSummary } from "@/lib/schemas/board";
import { AppHeader } from "../ui/AppHeader";
import { Problem } from "../ui/Problem";
import { useSessionUser } from "../ui/use-session-user";
import { AnnotationComposer } from "./AnnotationComposer";
import type { AnnotationActions } from "./AnnotationItem";
import { AnnotationList } from "./AnnotationList";
import { ConnectionBadge } from "./ConnectionBadge";
import { IndicatorChart } from "./IndicatorChart";
import { PresenceBar } from "./PresenceBar";
import { Timeline } from "./Timeline";
import { describeTarget } from "./targets";
import { useLiveBoard } from "./use-live-board";

const LEFT_MESSAGES = {
  removed: "You are no longer a member of this board.",
  deleted: "This board was deleted by its owner.",
} as const;

export function BoardView({ summary }: { summary: BoardSummary }) {
  const { board, connection, presence, error, left, createAnnotation, updateAnnotation, deleteAnnotation } =
    useLiveBoard(summary.id);
  const user = useSessionUser();
  const [target, setTarget] = useState<TAnnotationTarget>({ type: "board" });
  const snapshot = board?.snapshot;

  const domain = useMemo<[number, number]>(() => {
    if (!snapshot) return [0, 1];
    const times = [
      ...snapshot.events.map((event) => Date.parse(event.occurredAt)),
      ...snapshot.indicators.flatMap((indicator) => indicator.observations.map((o) => Date.parse(o.observedAt))),
    ];
    return times.length ? [Math.min(...times), Math.max(...times)] : [0, 1];
  }, [snapshot]);

  const ticks = useMemo(() => weeklyTicks(domain), [domain]);

  const annotationCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const annotation of snapshot?.annotations ?? []) {
      if (annotation.target.type === "event")
        counts.set(annotation.target.eventId, (counts.get(annotation.target.eventId) ?? 0) + 1);
    }
    return counts;
  }, [snapshot]);

  // The live snapshot knows of renames, archiving and role changes made while the page is open.
  const liveBoard = snapshot?.board ?? summary;
  const role = snapshot?.members.find((member) => member.userId === user?.id)?.role ?? summary.role;
  const writable = !liveBoard.archived;
  const actions: AnnotationActions = {
    canEdit: (annotation) => writable && annotation.author.id === user?.id && can(role, "annotation.edit-own"),
    canDelete: (annotation) =>
      writable &&
      (annotation.author.id === user?.id ? can(role, "annotation.edit-own") : can(role, "annotation.delete-any")),
    update: updateAnnotation,
    remove: deleteAnnotation,
  };

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
        <PresenceBar members={presence} />
        <Link href={`/boards/${summary.slug}/members`} className="header-link">
          Members
        </Link>
      </AppHeader>
      <Problem message={error} />
      {!snapshot ? (
        <p className="muted loading">Loading the board…</p>
      ) : (
        <main className="board-grid">
          <Timeline
            events={snapshot.events}
            annotationCounts={annotationCounts}
            onAnnotate={(event) => setTarget({ type: "event", eventId: event.id })}
          />
          <section className="panel charts" aria-labelledby="charts-title">
            <h2 id="charts-title">Indicators</h2>
            <p className="muted hint">Dashed lines are events; click a point to annotate the indicator at that time.</p>
            {snapshot.indicators.map((indicator, index) => (
              <IndicatorChart
                key={indicator.id}
                indicator={indicator}
                events={snapshot.events}
                annotations={snapshot.annotations.filter(
                  (annotation) =>
                    (annotation.target.type === "indicator" || annotation.target.type === "indicator-range") &&
                    annotation.target.indicatorId === indicator.id,
                )}
                domain={domain}
                ticks={ticks}
                showEventLabels={index === 0}
                onPick={(observation) =>
                  setTarget({ type: "indicator", indicatorId: indicator.id, at: observation.observedAt })
                }
              />
            ))}
          </section>
          <section className="panel annotations" aria-labelledby="annotations-title">
            <h2 id="annotations-title">Annotations</h2>
            <AnnotationComposer
              boardId={summary.id}
              target={target}
              targetLabel={describeTarget(target, snapshot)}
              canWrite={writable && can(role, "annotation.create")}
              onClearTarget={() => setTarget({ type: "board" })}
              submit={createAnnotation}
            />
            <AnnotationList annotations={snapshot.annotations} snapshot={snapshot} actions={actions} />
          </section>
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
