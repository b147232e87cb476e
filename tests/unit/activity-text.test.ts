// The activity feed's sentences: one or more cases for every op type, and the fallbacks for what is gone.
import { describe, expect, it } from "vitest";
import { type ActivityItem, describeActivity } from "@/lib/activity-text";
import { describeTarget } from "@/lib/describe-target";
import type { OpDataByType, OpType } from "@/lib/ops";
import type { TAnnotationTarget, WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardSnapshot, WireBoard, WireMember } from "@/lib/schemas/board";
import type { WireCandidate } from "@/lib/schemas/candidate";

const BOARD_ID = "0b6f1d2e-2c1a-4f7e-9c1e-000000000001";
const EVENT_ID = "0b6f1d2e-2c1a-4f7e-9c1e-000000000002";
const INDICATOR_ID = "0b6f1d2e-2c1a-4f7e-9c1e-000000000003";
const OBSERVATION_ID = "0b6f1d2e-2c1a-4f7e-9c1e-000000000004";

const ALICE: WireMember = { userId: "user-alice", name: "Alice Mercer", email: "alice@example.test", role: "editor" };
const BOB: WireMember = { userId: "user-bob", name: "Bob Okafor", email: "bob@example.test", role: "owner" };
const CAROL: WireMember = {
  userId: "user-carol",
  name: "Carol Lindqvist",
  email: "carol@example.test",
  role: "viewer",
};
const person = (member: WireMember) => ({ id: member.userId, name: member.name });

const BOARD: WireBoard = {
  id: BOARD_ID,
  slug: "eastern-front",
  title: "Eastern front",
  description: "",
  handling: "",
  archived: false,
};

function makeSnapshot(overrides: Partial<BoardSnapshot> = {}): BoardSnapshot {
  return {
    board: BOARD,
    events: [
      {
        id: EVENT_ID,
        title: "Geneva talks",
        occurredAt: "2022-01-10T09:00:00.000Z",
        endsAt: null,
        category: "diplomatic",
        place: { label: "Geneva", longitude: 6.14569, latitude: 46.20222 },
        description: "",
        sourceIds: [],
        sourceReliability: null,
        infoCredibility: null,
        loggedAt: "2022-01-10T10:00:00.000Z",
      },
    ],
    indicators: [
      {
        id: INDICATOR_ID,
        name: "Troops near border",
        unit: "battalion groups",
        description: "",
        kind: "count",
        warnAbove: null,
        warnBelow: null,
        color: "#e06c5a",
        observations: [
          {
            id: OBSERVATION_ID,
            indicatorId: INDICATOR_ID,
            observedAt: "2022-01-12T00:00:00.000Z",
            value: 87,
            sourceId: null,
            sourceReliability: null,
            infoCredibility: null,
            note: "",
          },
        ],
      },
    ],
    sources: [],
    annotations: [],
    members: [ALICE, BOB, CAROL],
    ...overrides,
  };
}

let counter = 0;
function makeAnnotation(overrides: Partial<WireAnnotation> = {}): WireAnnotation {
  counter += 1;
  return {
    id: `annotation-${counter}`,
    boardId: BOARD_ID,
    author: person(ALICE),
    target: { type: "event", eventId: EVENT_ID },
    body: "Talks stalled",
    kind: "note",
    confidence: null,
    tags: [],
    parentId: null,
    version: 1,
    resolvedAt: null,
    resolvedBy: null,
    automatic: false,
    mentions: [],
    createdAt: "2022-01-10T10:00:00.000Z",
    updatedAt: "2022-01-10T10:00:00.000Z",
    ...overrides,
  };
}

/** An op by `actor` (null: no one the server can name); the feed's seq numbers rise with each call. */
function makeItem<T extends OpType>(type: T, data: OpDataByType[T], actor: WireMember | null = ALICE): ActivityItem {
  counter += 1;
  return {
    boardId: BOARD_ID,
    seq: counter,
    type,
    data,
    actorId: actor?.userId ?? null,
    actorName: actor?.name ?? null,
    at: "2022-01-10T12:00:00.000Z",
  } as ActivityItem;
}

describe("annotation.created", () => {
  it("says what kind of annotation was added, and on what", () => {
    const snapshot = makeSnapshot();
    expect(describeActivity(makeItem("annotation.created", makeAnnotation()), snapshot)).toBe(
      "Alice Mercer added a note on Geneva talks",
    );
    const question = makeAnnotation({ kind: "question", target: { type: "board" } });
    expect(describeActivity(makeItem("annotation.created", question), snapshot)).toBe(
      "Alice Mercer asked a question on the board",
    );
    const warning = makeAnnotation({ kind: "warning" });
    expect(describeActivity(makeItem("annotation.created", warning), snapshot)).toBe(
      "Alice Mercer raised a warning on Geneva talks",
    );
  });

  it("gives an assessment's confidence", () => {
    const assessment = makeAnnotation({ kind: "assessment", confidence: "high" });
    expect(describeActivity(makeItem("annotation.created", assessment), makeSnapshot())).toBe(
      "Alice Mercer made an assessment (high confidence) on Geneva talks",
    );
  });

  it("a reply names the thread's author, kind and target", () => {
    const note = makeAnnotation({ author: person(BOB), target: { type: "board" } });
    const reply = makeAnnotation({ parentId: note.id, target: { type: "board" } });
    expect(describeActivity(makeItem("annotation.created", reply), makeSnapshot({ annotations: [note, reply] }))).toBe(
      "Alice Mercer replied to Bob Okafor's note on the board",
    );
  });

  it("a reply to one's own thread says 'their'", () => {
    const question = makeAnnotation({ kind: "question" });
    const reply = makeAnnotation({ parentId: question.id });
    expect(describeActivity(makeItem("annotation.created", reply), makeSnapshot({ annotations: [question] }))).toBe(
      "Alice Mercer replied to their question on Geneva talks",
    );
  });

  it("a reply to a thread since deleted still says where it was", () => {
    const reply = makeAnnotation({ parentId: "annotation-gone" });
    expect(describeActivity(makeItem("annotation.created", reply), makeSnapshot())).toBe(
      "Alice Mercer replied in a thread on Geneva talks",
    );
  });

  it("uses the panel's words for every kind of target", () => {
    const snapshot = makeSnapshot();
    const targets: TAnnotationTarget[] = [
      { type: "board" },
      { type: "event", eventId: EVENT_ID },
      { type: "indicator", indicatorId: INDICATOR_ID, at: "2022-01-11T06:00:00.000Z" },
      {
        type: "indicator-range",
        indicatorId: INDICATOR_ID,
        from: "2022-01-10T00:00:00.000Z",
        to: "2022-01-12T00:00:00.000Z",
      },
      { type: "observation", observationId: OBSERVATION_ID },
      { type: "event", eventId: "0b6f1d2e-2c1a-4f7e-9c1e-00000000dead" },
      { type: "observation", observationId: "0b6f1d2e-2c1a-4f7e-9c1e-00000000dead" },
      { type: "indicator", indicatorId: "0b6f1d2e-2c1a-4f7e-9c1e-00000000dead", at: "2022-01-11T06:00:00.000Z" },
    ];
    for (const target of targets) {
      const sentence = describeActivity(makeItem("annotation.created", makeAnnotation({ target })), snapshot);
      expect(sentence).toBe(`Alice Mercer added a note on ${describeTarget(target, snapshot)}`);
    }
  });
});

describe("annotation.updated", () => {
  it("names whose annotation was edited", () => {
    const bobs = makeAnnotation({ author: person(BOB), kind: "assessment", confidence: "low" });
    expect(describeActivity(makeItem("annotation.updated", bobs), makeSnapshot())).toBe(
      "Alice Mercer edited Bob Okafor's assessment on Geneva talks",
    );
    expect(describeActivity(makeItem("annotation.updated", makeAnnotation()), makeSnapshot())).toBe(
      "Alice Mercer edited their note on Geneva talks",
    );
  });

  it("an edited reply is described by its thread's target", () => {
    const thread = makeAnnotation({ target: { type: "board" } });
    const reply = makeAnnotation({ parentId: thread.id, author: person(BOB), target: { type: "board" } });
    expect(describeActivity(makeItem("annotation.updated", reply), makeSnapshot({ annotations: [thread] }), [])).toBe(
      "Alice Mercer edited Bob Okafor's reply on the board",
    );
  });
});

describe("annotation.deleted", () => {
  const deletion = (id: string, by: WireMember | null = BOB) =>
    makeItem("annotation.deleted", { id, deletedBy: person(by ?? BOB) }, by);

  it("names the deleted annotation when an earlier op in the feed remembers it", () => {
    const assessment = makeAnnotation({ kind: "assessment", confidence: "moderate" });
    const created = makeItem("annotation.created", assessment);
    const deleted = deletion(assessment.id);
    expect(describeActivity(deleted, makeSnapshot(), [deleted, created])).toBe(
      "Bob Okafor deleted Alice Mercer's assessment on Geneva talks",
    );
  });

  it("says 'an annotation' when nothing remembers it", () => {
    expect(describeActivity(deletion("annotation-unknown"), makeSnapshot())).toBe("Bob Okafor deleted an annotation");
  });

  it("takes the deleter's name from the op when the server could not name the actor", () => {
    const item = { ...deletion("annotation-unknown"), actorName: null };
    expect(describeActivity(item, makeSnapshot())).toBe("Bob Okafor deleted an annotation");
  });

  it("does not look at ops after the deletion", () => {
    const annotation = makeAnnotation();
    const deleted = deletion(annotation.id);
    const restoredLater = makeItem("annotation.restored", annotation);
    expect(describeActivity(deleted, makeSnapshot(), [deleted, restoredLater])).toBe(
      "Bob Okafor deleted an annotation",
    );
  });
});

describe("annotation.restored, resolved and reopened", () => {
  it("restored", () => {
    const warning = makeAnnotation({ kind: "warning", target: { type: "board" } });
    expect(describeActivity(makeItem("annotation.restored", warning, BOB), makeSnapshot())).toBe(
      "Bob Okafor restored Alice Mercer's warning on the board",
    );
  });

  it("resolved", () => {
    const question = makeAnnotation({ kind: "question", resolvedAt: "2022-01-11T00:00:00.000Z" });
    expect(describeActivity(makeItem("annotation.resolved", question, BOB), makeSnapshot())).toBe(
      "Bob Okafor resolved Alice Mercer's question on Geneva talks",
    );
  });

  it("reopened", () => {
    const question = makeAnnotation({ kind: "question" });
    expect(describeActivity(makeItem("annotation.reopened", question), makeSnapshot())).toBe(
      "Alice Mercer reopened their question on Geneva talks",
    );
  });

  it("an actor the server cannot name is 'Someone'", () => {
    expect(describeActivity(makeItem("annotation.resolved", makeAnnotation(), null), makeSnapshot())).toBe(
      "Someone resolved Alice Mercer's note on Geneva talks",
    );
  });
});

describe("board.updated", () => {
  const update = (changes: Partial<WireBoard>) => makeItem("board.updated", { ...BOARD, ...changes }, BOB);

  it("names a rename when the feed holds the board as it was", () => {
    const before = update({});
    const renamed = update({ title: "Southern front" });
    expect(describeActivity(renamed, makeSnapshot(), [renamed, before])).toBe(
      "Bob Okafor renamed the board to “Southern front”",
    );
  });

  it("lists several changes made at once", () => {
    const before = update({ handling: "OFFICIAL" });
    const after = update({ title: "Archive", description: "old", handling: "", archived: true });
    expect(describeActivity(after, makeSnapshot(), [before, after])).toBe(
      "Bob Okafor renamed the board to “Archive”, changed the board's description, removed the handling line and archived the board",
    );
  });

  it("names archiving, restoring and handling lines", () => {
    const archived = update({ archived: true });
    const restored = update({ archived: false, handling: "OFFICIAL-SENSITIVE" });
    expect(describeActivity(restored, makeSnapshot(), [archived, restored])).toBe(
      "Bob Okafor set the handling line to “OFFICIAL-SENSITIVE” and restored the board from the archive",
    );
  });

  it("without the board as it was, says what it is now", () => {
    expect(describeActivity(update({ title: "Southern front" }), makeSnapshot())).toBe(
      "Bob Okafor updated the board, now titled “Southern front”",
    );
    expect(describeActivity(update({ archived: true }), makeSnapshot())).toBe(
      "Bob Okafor updated the board, now archived",
    );
  });
});

describe("member ops", () => {
  it("member.added names who added whom, in what role", () => {
    expect(describeActivity(makeItem("member.added", CAROL, BOB), makeSnapshot())).toBe(
      "Bob Okafor added Carol Lindqvist as viewer",
    );
    expect(describeActivity(makeItem("member.added", CAROL, null), makeSnapshot())).toBe(
      "Carol Lindqvist was added as viewer",
    );
  });

  it("member.updated names the new role", () => {
    const promoted = { ...CAROL, role: "editor" as const };
    expect(describeActivity(makeItem("member.updated", promoted, BOB), makeSnapshot())).toBe(
      "Bob Okafor changed Carol Lindqvist's role to editor",
    );
    expect(describeActivity(makeItem("member.updated", promoted, null), makeSnapshot())).toBe(
      "Carol Lindqvist's role was changed to editor",
    );
  });

  it("member.removed: removed by someone, or leaving", () => {
    const snapshot = makeSnapshot();
    expect(describeActivity(makeItem("member.removed", { userId: CAROL.userId }, BOB), snapshot)).toBe(
      "Bob Okafor removed Carol Lindqvist from the board",
    );
    expect(describeActivity(makeItem("member.removed", { userId: CAROL.userId }, CAROL), snapshot)).toBe(
      "Carol Lindqvist left the board",
    );
  });

  it("member.removed finds a name the snapshot no longer holds in the feed or among authors", () => {
    const withoutCarol = makeSnapshot({ members: [ALICE, BOB] });
    const added = makeItem("member.added", CAROL, BOB);
    const removed = makeItem("member.removed", { userId: CAROL.userId }, BOB);
    expect(describeActivity(removed, withoutCarol, [added, removed])).toBe(
      "Bob Okafor removed Carol Lindqvist from the board",
    );
    const carolsNote = makeAnnotation({ author: person(CAROL) });
    expect(describeActivity(removed, makeSnapshot({ members: [ALICE, BOB], annotations: [carolsNote] }))).toBe(
      "Bob Okafor removed Carol Lindqvist from the board",
    );
    expect(describeActivity(removed, withoutCarol)).toBe("Bob Okafor removed a former member from the board");
  });
});

describe("passages of a source's document (issue 14)", () => {
  const SOURCE_ID = "0b6f1d2e-2c1a-4f7e-9c1e-000000000005";
  const SITREP = {
    id: SOURCE_ID,
    title: "Sitrep 14",
    publisher: "NATO",
    publishedAt: null,
    reliability: null,
    currentVersion: 3,
  };
  const passage = (exact: string): TAnnotationTarget => ({
    type: "source-span",
    sourceId: SOURCE_ID,
    version: 1,
    start: 10,
    end: 10 + exact.length,
    exact,
  });

  it("a note on a passage quotes its start, cut after a word, and names the source from the board", () => {
    const note = makeAnnotation({ target: passage("roughly 100,000 men near the border with Ukraine") });
    expect(describeActivity(makeItem("annotation.created", note), makeSnapshot({ sources: [SITREP] }))).toBe(
      "Alice Mercer added a note on “roughly 100,000 men near the…” in Sitrep 14",
    );
    const short = makeAnnotation({ target: passage("Talks open  in\nGeneva") });
    expect(describeActivity(makeItem("annotation.created", short), makeSnapshot({ sources: [SITREP] }))).toBe(
      "Alice Mercer added a note on “Talks open in Geneva” in Sitrep 14",
    );
  });

  it("a quote without a space to cut at is cut at 30 characters, never inside a surrogate pair", () => {
    const unbroken = makeAnnotation({ target: passage(`${"x".repeat(29)}😀${"y".repeat(10)}`) });
    expect(describeActivity(makeItem("annotation.created", unbroken), makeSnapshot({ sources: [SITREP] }))).toBe(
      `Alice Mercer added a note on “${"x".repeat(29)}…” in Sitrep 14`,
    );
  });

  it("source.revised counts the notes that followed their passage and those that lost it", () => {
    const anchored = (n: number) => ({ annotationId: `a${n}`, status: "anchored" as const, start: n, end: n + 1 });
    const orphaned = (n: number) => ({ annotationId: `o${n}`, status: "orphaned" as const });
    const revised = (anchors: OpDataByType["source.revised"]["anchors"]) =>
      describeActivity(
        makeItem("source.revised", { source: SITREP, version: 3, anchors, candidates: [] }),
        makeSnapshot(),
      );
    expect(revised([...[1, 2, 3, 4, 5].map(anchored), orphaned(1)])).toBe(
      "Alice Mercer revised Sitrep 14 (version 3): 5 notes followed their passage, 1 lost its passage",
    );
    expect(revised([anchored(1)])).toBe("Alice Mercer revised Sitrep 14 (version 3): 1 note followed its passage");
    expect(revised([orphaned(1), orphaned(2)])).toBe(
      "Alice Mercer revised Sitrep 14 (version 3): 2 notes lost their passage",
    );
    expect(revised([])).toBe("Alice Mercer revised Sitrep 14 (version 3)");
  });
});

describe("candidates proposed from a source's document (issue 15)", () => {
  const SOURCE_ID = "0b6f1d2e-2c1a-4f7e-9c1e-000000000006";
  const BULLETIN = {
    id: SOURCE_ID,
    title: "Border bulletin 7",
    publisher: "OSCE",
    publishedAt: "2022-01-11T00:00:00.000Z",
    reliability: "B" as const,
    currentVersion: 2,
  };
  const withBulletin = makeSnapshot({ sources: [BULLETIN] });
  const figure = (overrides: Partial<WireCandidate> = {}): WireCandidate =>
    ({
      id: "0b6f1d2e-2c1a-4f7e-9c1e-000000000007",
      sourceId: SOURCE_ID,
      version: 2,
      kind: "figure",
      start: 40,
      end: 63,
      exact: "some 3,500 rail wagons",
      sentence: { start: 0, end: 90 },
      value: 3500,
      unit: "rail wagons",
      qualifier: "about",
      anchor: { status: "anchored", version: 2, start: 40, end: 63 },
      status: "proposed",
      decidedBy: null,
      decidedAt: null,
      outcome: null,
      ...overrides,
    }) as WireCandidate;
  const decided = { decidedBy: person(BOB), decidedAt: "2022-01-12T08:00:00.000Z" };

  it("candidate.proposed counts what extraction found and names the version", () => {
    const proposed = (count: number) =>
      describeActivity(
        makeItem("candidate.proposed", {
          sourceId: SOURCE_ID,
          version: 2,
          count,
        }),
        withBulletin,
      );
    expect(proposed(12)).toBe("Alice Mercer proposed 12 candidates from Border bulletin 7 (version 2)");
    expect(proposed(1)).toBe("Alice Mercer proposed 1 candidate from Border bulletin 7 (version 2)");
  });

  it("candidate.confirmed quotes the candidate and says what it became", () => {
    const asFigure = figure({
      ...decided,
      status: "confirmed",
      outcome: { type: "observation", observationId: OBSERVATION_ID, evidenceId: "e1" },
    });
    expect(describeActivity(makeItem("candidate.confirmed", asFigure, BOB), withBulletin)).toBe(
      "Bob Okafor confirmed “some 3,500 rail wagons” from Border bulletin 7 as a figure",
    );
    const asEvent = figure({
      ...decided,
      kind: "date",
      exact: "on Saturday",
      date: { start: "2022-01-08", precision: "day" },
      category: "military",
      status: "confirmed",
      outcome: { type: "event", eventId: EVENT_ID, evidenceId: "e2" },
    } as Partial<WireCandidate>);
    expect(describeActivity(makeItem("candidate.confirmed", asEvent, BOB), withBulletin)).toBe(
      "Bob Okafor confirmed “on Saturday” from Border bulletin 7 as an event",
    );
  });

  it("candidate.rejected quotes the candidate, and a source no longer on the board is named generically", () => {
    const rejected = makeItem("candidate.rejected", figure({ ...decided, status: "rejected" }), BOB);
    expect(describeActivity(rejected, withBulletin)).toBe(
      "Bob Okafor rejected “some 3,500 rail wagons” from Border bulletin 7",
    );
    expect(describeActivity(rejected, makeSnapshot())).toBe(
      "Bob Okafor rejected “some 3,500 rail wagons” from a source",
    );
  });
});

describe("an op type this client does not know", () => {
  it("gets a plain sentence rather than none", () => {
    const unknown = { ...makeItem("event.deleted", { id: EVENT_ID }), type: "poll.created" } as unknown as ActivityItem;
    expect(describeActivity(unknown, makeSnapshot())).toBe("Alice Mercer made a change to the board");
  });
});
