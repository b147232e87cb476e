"use client";
// The board page: header (title, live state, who is here and what they look at, mentions), timeline
// and activity, indicator charts, and the annotation threads. Each panel gets the parts of the live
// state it shows, which keep their identity across ops that do not concern them, and the panels are
// memoized on them: a note on the board re-renders the thread list, not the charts (issue 11).
import Link from "next/link";
import { memo, useCallback, useMemo, useRef, useState } from "react";
import { boardSpan, weeklyTicks } from "@/lib/charts/chart-time";
import { can } from "@/lib/permissions";
import type { TAnnotationCreateInput, TAnnotationTarget } from "@/lib/schemas/annotation";
import type { BoardSummary, WireEvent, WireIndicator, WireObservation } from "@/lib/schemas/board";
import { AppHeader } from "../ui/AppHeader";
import { Problem } from "../ui/Problem";
import { useSessionUser } from "../ui/use-session-user";
import { ActivityFeed } from "./ActivityFeed";
import { AnnotationsPanel } from "./AnnotationsPanel";
import { annotationAbilities } from "./annotation-abilities";
import { ChartsPanel } from "./ChartsPanel";
import { ConnectionBadge } from "./ConnectionBadge";
import { SourcesPanel } from "./content/SourcesPanel";
import { DocumentPane } from "./document/DocumentPane";
import { DocumentPicker } from "./document/DocumentPicker";
import { EvidenceContext } from "./document/EvidenceLines";
import type { PassageTarget } from "./document/passages";
import { useEvidence } from "./document/use-evidence";
import { assessmentsOf } from "./export/board-assessments";
import { AsOfBanner } from "./history/AsOfBanner";
import { AsOfControl } from "./history/AsOfControl";
import { AsOfContext } from "./history/as-of-context";
import { useAsOfBoard } from "./history/use-as-of-board";
import { MentionsPanel } from "./MentionsPanel";
import { newestThreadOn } from "./map/event-threads";
import { MapPanel, type PlaceTarget } from "./map/MapPanel";
import { useWatchersByEvent } from "./map/map-presence";
import { usePlaceNotes } from "./map/place-notes";
import { PresenceBar } from "./PresenceBar";
import { type PassageJump, SearchBox } from "./SearchBox";
import type { ThreadReveal } from "./ThreadList";
import { type EventFocus, Timeline } from "./Timeline";
import { useLiveBoard } from "./use-live-board";
import { MentionPeopleProvider } from "./mention/mention-people";
import { type AppliedView, ViewsMenu } from "./views/ViewsMenu";
import { useOutbox } from "./use-outbox";
import { usePresenceReporter } from "./use-presence-reporter";
import { ShiftBar } from "./shift/ShiftBar";
import { UnreadContext } from "./shift/unread-context";
import { useShift } from "./shift/use-shift";
import { WarningAlerts } from "./WarningAlerts";

const ChartsLayer = memo(ChartsPanel);
const TimelineLayer = memo(Timeline);
const SourcesLayer = memo(SourcesPanel);
const MapLayer = memo(MapPanel);

const LEFT_MESSAGES = {
  removed: "You are no longer a member of this board.",
  deleted: "This board was deleted by its owner.",
} as const;

export function BoardView({ summary }: { summary: BoardSummary }) {
  const { board, connection, presence, error, left, liveOps, liveEpoch, send, warnings, dismissWarning, seen } =
    useLiveBoard(summary.id);
  const user = useSessionUser();
  // As of an instant (issue 19) the panels show that snapshot, read-only; the live board stays joined.
  const asOfView = useAsOfBoard(summary.slug);
  // The shift handover (issue 19): last seen, unread threads, the handover panel, triage keys.
  const shift = useShift({
    boardId: summary.id,
    slug: summary.slug,
    userId: user?.id,
    board,
    liveOps,
    liveEpoch,
    seen,
    warnings,
    send,
    showingPast: asOfView.asOf !== null,
  });
  const [target, setTarget] = useState<TAnnotationTarget>({ type: "board" });
  const [viewRange, setViewRange] = useState<[number, number] | null>(null);
  /** The indicators a saved view shows (issue 19); null: all of them. */
  const [shownIndicatorIds, setShownIndicatorIds] = useState<readonly string[] | null>(null);
  const applyView = useCallback((view: AppliedView) => {
    setViewRange(view.range);
    setShownIndicatorIds(view.indicatorIds);
  }, []);
  /** The source whose document is open in the middle column, in place of the charts. */
  const [readingId, setReadingId] = useState<string | null>(null);
  const state = asOfView.asOf === null ? board?.state : asOfView.board?.state;
  const sendCreate = useCallback((input: TAnnotationCreateInput) => send("annotation:create", input), [send]);
  const outbox = useOutbox({ boardId: summary.id, userId: user?.id, liveEpoch, sendCreate });
  const { setFocus, setTyping } = usePresenceReporter(summary.id, send, liveEpoch);

  const facts = state?.board;
  const events = state?.events.list;
  const indicators = state?.indicators.list;
  const sources = state?.sources.list;
  // A pass over the events and each series' ends: only when events or figures change, not on every note.
  const domain = useMemo<[number, number]>(
    () => (events && indicators ? (boardSpan(events, indicators) ?? [0, 1]) : [0, 1]),
    [events, indicators],
  );
  const ticks = useMemo(() => weeklyTicks(domain), [domain]);
  // What the charts draw, as one object that stays the same while none of its parts change.
  const chartFacts = useMemo(
    () =>
      facts && events && indicators && sources
        ? { board: facts, events, indicators: shownOnly(indicators, shownIndicatorIds), sources }
        : null,
    [facts, events, indicators, sources, shownIndicatorIds],
  );

  // The live state knows of renames, archiving and role changes made while the page is open.
  const liveBoard = state?.board ?? summary;
  const userId = user?.id;
  const role = (userId && state?.members.byId.get(userId)?.role) || summary.role;
  const writable = !liveBoard.archived && asOfView.asOf === null;
  const abilities = useMemo(() => annotationAbilities({ role, userId, writable }), [role, userId, writable]);
  const canEditContent = writable && can(role, "content.write");

  const annotateEvent = useCallback(
    (event: WireEvent) => {
      setTarget({ type: "event", eventId: event.id });
      setFocus({ type: "event", id: event.id });
    },
    [setFocus],
  );
  const pickPoint = useCallback(
    (indicatorId: string, observation: WireObservation) => {
      setTarget({ type: "indicator", indicatorId, at: observation.observedAt });
      setFocus({ type: "indicator", id: indicatorId });
    },
    [setFocus],
  );
  const pickRange = useCallback(
    (indicatorId: string, from: string, to: string) => {
      setTarget({ type: "indicator-range", indicatorId, from, to });
      setFocus({ type: "indicator", id: indicatorId });
    },
    [setFocus],
  );
  const clearTarget = useCallback(() => setTarget({ type: "board" }), []);
  const { visit } = shift;
  const focusThread = useCallback(
    (threadId: string) => {
      setFocus({ type: "thread", id: threadId });
      visit(threadId);
    },
    [setFocus, visit],
  );
  const readDocument = useCallback(
    (sourceId: string | null) => {
      setReadingId(sourceId);
      setFocus(sourceId ? { type: "source", id: sourceId } : null);
    },
    [setFocus],
  );
  const annotatePassage = useCallback((passage: PassageTarget) => {
    setTarget(passage);
    // The composer lives in the annotations panel; take the analyst there to write the note.
    document.querySelector<HTMLTextAreaElement>('form[aria-label="Add an annotation"] textarea')?.focus();
  }, []);
  const readingSource = readingId ? state?.sources.byId.get(readingId) : undefined;
  // Search results: a note opens its thread in the annotations panel; a passage opens its document at the
  // match (each jump a new object, so the same result chosen twice scrolls there again).
  const [revealedThread, setRevealedThread] = useState<ThreadReveal | null>(null);
  const openThread = useCallback((threadId: string) => setRevealedThread({ threadId }), []);
  // A marker on the map shows its event: highlighted on the timeline, its notes opened (as the timeline's
  // Annotate does) and its newest thread brought into view. The index is read through a ref so the map's
  // handler keeps its identity while notes come and go.
  const [focusedEvent, setFocusedEvent] = useState<EventFocus | null>(null);
  const annotationIndex = useRef(state?.annotations);
  annotationIndex.current = state?.annotations;
  // The deck dialog's assessments, from the same index when it opens (no request for what the page holds).
  const listAssessments = useCallback(() => assessmentsOf(annotationIndex.current), []);
  const showEventFromMap = useCallback(
    (eventId: string) => {
      setTarget({ type: "event", eventId });
      setFocus({ type: "event", id: eventId });
      setFocusedEvent({ eventId });
      const threadId = annotationIndex.current ? newestThreadOn(annotationIndex.current, eventId) : null;
      // Quietly: the focus stays on the map, and the analyst's presence on the event, not on its thread.
      if (threadId) setRevealedThread({ threadId, quiet: true });
    },
    [setFocus],
  );
  const showCharts = useCallback(() => readDocument(null), [readDocument]);
  const annotatePoint = useCallback((place: PlaceTarget) => {
    setTarget(place);
    document.querySelector<HTMLTextAreaElement>('form[aria-label="Add an annotation"] textarea')?.focus();
  }, []);
  // The highlight lasts while the composer is on that event: another target (the timeline's Annotate, the
  // board, a point) clears it.
  const timelineFocus =
    focusedEvent && target.type === "event" && target.eventId === focusedEvent.eventId ? focusedEvent : null;
  const watchers = useWatchersByEvent(presence, user?.id);
  const selectedEventId = target.type === "event" ? target.eventId : null;
  const pointTarget = target.type === "place" ? target : null;
  const placeNotes = usePlaceNotes(state?.annotations);
  const [passageJump, setPassageJump] = useState<PassageJump | null>(null);
  const openPassage = useCallback(
    (jump: PassageJump) => {
      readDocument(jump.sourceId);
      setPassageJump({ ...jump });
    },
    [readDocument],
  );

  // The evidence passages of confirmed candidates, shown under their event or figure (issue 15).
  const evidence = useEvidence(state, openPassage);

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

  const page = (
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
        <PresenceBar members={presence} board={state} />
        <AsOfControl asOf={asOfView.asOf} liveEvents={board?.state.events.list} onShow={asOfView.show} />
        <MentionsPanel slug={summary.slug} userId={user?.id} liveOps={liveOps} />
        {/* The search reads the live board: its threads may not exist as of the instant shown. */}
        {asOfView.asOf === null ? (
          <SearchBox boardId={summary.id} send={send} onOpenThread={openThread} onOpenPassage={openPassage} />
        ) : null}
        <ViewsMenu
          boardId={summary.id}
          send={send}
          liveOps={liveOps}
          liveEpoch={liveEpoch}
          canEdit={canEditContent}
          indicators={indicators ?? NO_INDICATORS}
          range={viewRange}
          indicatorIds={shownIndicatorIds}
          onApply={applyView}
        />
        <Link href={`/boards/${summary.slug}/members`} className="header-link">
          Members
        </Link>
      </AppHeader>
      {asOfView.asOf !== null ? (
        <AsOfBanner
          asOf={asOfView.asOf}
          loading={!asOfView.board && !asOfView.problem}
          problem={asOfView.problem}
          onBackToLive={() => asOfView.show(null)}
          onRetry={asOfView.retry}
        />
      ) : null}
      <Problem message={error} />
      {/* Live warnings, the handover and the triage keys are about the board now, not the instant shown. */}
      {asOfView.asOf === null ? <WarningAlerts warnings={warnings} onDismiss={dismissWarning} /> : null}
      {asOfView.asOf === null ? (
        <ShiftBar
          shift={shift}
          board={board?.state}
          abilities={abilities}
          send={send}
          onOpenThread={openThread}
          onShowEvent={showEventFromMap}
          onShowCharts={showCharts}
        />
      ) : null}
      {!state || !chartFacts ? (
        <p className="muted loading">Loading the board…</p>
      ) : (
        <main className="board-grid">
          <div className="panel-column">
            <TimelineLayer
              boardId={summary.id}
              events={state.events.list}
              sources={state.sources.list}
              viewRange={viewRange}
              canEdit={canEditContent}
              send={send}
              annotationCounts={state.annotations.notesPerEvent}
              canAnnotate={abilities.create}
              onAnnotate={annotateEvent}
              focused={timelineFocus}
            />
            <SourcesLayer boardId={summary.id} sources={state.sources.list} canEdit={canEditContent} send={send} />
            <DocumentPicker
              sources={state.sources.list}
              presence={presence}
              canEdit={canEditContent}
              open={readingSource ? readingSource.id : null}
              onOpen={readDocument}
            />
            <ActivityFeed slug={summary.slug} board={state} liveOps={liveOps} />
          </div>
          <div className="panel-column board-middle">
            <MapLayer
              events={state.events.list}
              eventsById={state.events.byId}
              notesPerEvent={state.annotations.notesPerEvent}
              domain={domain}
              viewRange={viewRange}
              onViewRangeChange={setViewRange}
              ownRangeControl={Boolean(readingSource)}
              watchers={watchers}
              selectedEventId={selectedEventId}
              onShowEvent={showEventFromMap}
              onAnnotatePoint={abilities.create ? annotatePoint : undefined}
              pointTarget={pointTarget}
              placeNotes={placeNotes}
              onOpenThread={openThread}
            />
            {readingSource ? (
              <DocumentPane
                key={readingSource.id}
                slug={summary.slug}
                source={readingSource}
                board={state}
                presence={presence}
                abilities={abilities}
                canEdit={canEditContent}
                send={send}
                liveOps={liveOps}
                submit={outbox.submit}
                onAnnotate={annotatePassage}
                onTyping={setTyping}
                jump={passageJump?.sourceId === readingSource.id ? passageJump : null}
                onClose={() => readDocument(null)}
              />
            ) : (
              <ChartsLayer
                snapshot={chartFacts}
                annotationsByIndicator={state.annotations.onIndicator}
                annotationsByObservation={state.annotations.onObservation}
                domain={domain}
                ticks={ticks}
                canEdit={canEditContent}
                send={send}
                viewRange={viewRange}
                onViewRangeChange={setViewRange}
                canAnnotate={abilities.create}
                onPick={pickPoint}
                onPickRange={pickRange}
                listAssessments={listAssessments}
              />
            )}
          </div>
          <UnreadContext.Provider value={shift.unread}>
            <AnnotationsPanel
              board={state}
              abilities={abilities}
              send={send}
              outbox={outbox}
              presence={presence}
              target={target}
              onClearTarget={clearTarget}
              onTyping={setTyping}
              onFocusThread={focusThread}
              reveal={revealedThread}
            />
          </UnreadContext.Provider>
        </main>
      )}
    </div>
  );
  return (
    <EvidenceContext.Provider value={evidence}>
      <MentionPeopleProvider members={board?.state.members.list} selfId={user?.id}>
        <AsOfContext.Provider value={asOfView.asOf}>{page}</AsOfContext.Provider>
      </MentionPeopleProvider>
    </EvidenceContext.Provider>
  );
}

const NO_INDICATORS: WireIndicator[] = [];

/** The indicators a saved view names, in its order, or all of them when it names none (null). */
function shownOnly(indicators: WireIndicator[], shownIds: readonly string[] | null): WireIndicator[] {
  if (!shownIds) return indicators;
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  return shownIds.map((id) => byId.get(id)).filter((indicator): indicator is WireIndicator => indicator !== undefined);
}
