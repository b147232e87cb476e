// When each thing on the demo board was logged (issue 19), so its op log reads as the crisis week did
// and "as of" works on a fresh install. The board opens at DEMO_BOARD_OPENED; what happened before that
// (sources, indicators, earlier events and figures) is entered in its first hour, the rest some time
// after it happened; notes and the report's revision at their own times. Anything logged must come
// after what it refers to (an event's sources, a figure's indicator, a note's target), so an item is
// pushed later when needed; op times then rise with seq, as on a live board.
import type { DemoBoardData } from "./demo-board-types";

export const DEMO_BOARD_OPENED = new Date("2022-01-08T08:00:00Z");

/** When each demo analyst last looked at the board (Membership.lastSeenAt): the handover starts there. */
export const DEMO_LAST_SEEN: Record<string, Date> = {
  "alice@watchfloor.test": new Date("2022-01-12T18:40:00Z"),
  "bob@watchfloor.test": new Date("2022-01-13T07:30:00Z"),
  "carol@watchfloor.test": new Date("2022-01-11T12:00:00Z"),
};

const MINUTE = 60_000;
/** How long after it happened a later event, source or figure reached the board. */
const LOGGED_AFTER = { source: 30 * MINUTE, event: 45 * MINUTE, observation: 60 * MINUTE };

/** One thing to log: its key is `kind:key` (observations and notes by their position). */
export type DemoLogItem = { id: string; after: string[]; happened: Date; backlogRank: number };

/** The items of the demo data, with what each must come after. */
export function demoLogItems(data: DemoBoardData): DemoLogItem[] {
  const items: DemoLogItem[] = [];
  data.sources.forEach((source) => {
    items.push({ id: `source:${source.key}`, after: [], happened: new Date(source.publishedAt), backlogRank: 0 });
  });
  data.indicators.forEach((indicator) => {
    items.push({ id: `indicator:${indicator.key}`, after: [], happened: DEMO_BOARD_OPENED, backlogRank: 1 });
  });
  data.events.forEach((event) => {
    const after = event.sourceKeys.map((key) => `source:${key}`);
    items.push({ id: `event:${event.key}`, after, happened: new Date(event.occurredAt), backlogRank: 2 });
  });
  data.indicators.forEach((indicator) => {
    indicator.observations.forEach((observation, index) => {
      items.push({
        id: observationItem(indicator.key, index),
        after: [`indicator:${indicator.key}`, ...(observation.sourceKey ? [`source:${observation.sourceKey}`] : [])],
        happened: new Date(observation.observedAt),
        backlogRank: 3,
      });
    });
  });
  const observationByKey = new Map(
    data.indicators.flatMap((indicator) =>
      indicator.observations.flatMap((observation, index) =>
        observation.key ? [[observation.key, observationItem(indicator.key, index)] as const] : [],
      ),
    ),
  );
  data.annotations.forEach((annotation, index) => {
    const { target } = annotation;
    const after =
      target.type === "event"
        ? [`event:${target.eventKey}`]
        : target.type === "observation"
          ? [observationByKey.get(target.observationKey) ?? `observation:${target.observationKey}`]
          : target.type === "indicator" || target.type === "indicator-range"
            ? [`indicator:${target.indicatorKey}`]
            : target.type === "source-span"
              ? [`source:${target.sourceKey}`]
              : [];
    items.push({ id: noteItem(index), after, happened: new Date(annotation.createdAt), backlogRank: 4 });
  });
  data.sources.forEach((source) => {
    (source.revisions ?? []).forEach((revision, index) => {
      // A revision re-anchors the notes already on the source: they come first.
      const notesOnSource = data.annotations.flatMap((annotation, noteIndex) =>
        annotation.target.type === "source-span" && annotation.target.sourceKey === source.key
          ? [noteItem(noteIndex)]
          : [],
      );
      items.push({
        id: revisionItem(source.key, index),
        after: [`source:${source.key}`, ...notesOnSource],
        happened: new Date(revision.createdAt),
        backlogRank: 5,
      });
    });
  });
  return items;
}

export const observationItem = (indicatorKey: string, index: number) => `observation:${indicatorKey}#${index}`;
export const noteItem = (index: number) => `note#${index}`;
export const revisionItem = (sourceKey: string, index: number) => `revision:${sourceKey}#${index}`;

/**
 * Each item's logged time: the backlog (things that happened before the board opened) a minute apart
 * from the opening in kind order, later things some time after they happened, notes and revisions at
 * their own times; then pushed to a second after whatever they must follow. Answers the items in log
 * order with their times.
 */
export function scheduleDemoLog(items: DemoLogItem[]): { id: string; loggedAt: Date }[] {
  const backlog = items
    .filter((item) => item.happened < DEMO_BOARD_OPENED && item.backlogRank < 4)
    .sort((a, b) => a.backlogRank - b.backlogRank || a.happened.getTime() - b.happened.getTime());
  const natural = new Map<string, number>();
  backlog.forEach((item, index) => {
    natural.set(item.id, DEMO_BOARD_OPENED.getTime() + (index + 1) * MINUTE);
  });
  for (const item of items) {
    if (natural.has(item.id)) continue;
    const kind = item.id.split(":")[0] as string;
    const delay = LOGGED_AFTER[kind as keyof typeof LOGGED_AFTER] ?? 0;
    natural.set(item.id, Math.max(item.happened.getTime() + delay, DEMO_BOARD_OPENED.getTime() + MINUTE));
  }
  const logged = new Map(natural);
  // The dependencies form no cycle, so pushing later settles within as many passes as the longest chain.
  for (let changed = true; changed; ) {
    changed = false;
    for (const item of items) {
      const earliest = Math.max(...item.after.map((id) => (logged.get(id) ?? 0) + 1000), logged.get(item.id) ?? 0);
      if (earliest !== logged.get(item.id)) {
        logged.set(item.id, earliest);
        changed = true;
      }
    }
  }
  const position = new Map(items.map((item, index) => [item.id, index]));
  return items
    .map((item) => ({ id: item.id, loggedAt: new Date(logged.get(item.id) ?? 0) }))
    .sort(
      (a, b) => a.loggedAt.getTime() - b.loggedAt.getTime() || (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0),
    );
}
