// Filtering the annotation panel: the query string round trip, each criterion, and whole-thread judgement.
import { describe, expect, it } from "vitest";
import {
  type AnnotationFilter,
  EMPTY_FILTER,
  filterThreads,
  groupThreads,
  isFilterActive,
  matchesFilter,
  parseFilter,
  serializeFilter,
  withFilter,
} from "@/lib/annotation-filter";
import type { WireAnnotation } from "@/lib/schemas/annotation";

const ALICE = { id: "user-alice", name: "Alice Mercer" };
const BOB = { id: "user-bob", name: "Bob Okafor" };
const ZOE = { id: "user-zoe", name: "Zoë Brandt" };
const EVENT_ID = "7d0c1f0e-8a53-4c4e-9a59-1a1d7b0f2a01";
const INDICATOR_ID = "7d0c1f0e-8a53-4c4e-9a59-1a1d7b0f2a02";

let created = 0;
/** A board note by Alice; each call is one minute newer than the last, with a unique id. */
function makeAnnotation(overrides: Partial<WireAnnotation> = {}): WireAnnotation {
  created += 1;
  const at = new Date(Date.UTC(2022, 0, 10, 9, created)).toISOString();
  return {
    id: `annotation-${created}`,
    boardId: "board-1",
    author: ALICE,
    target: { type: "board" },
    body: `Observation number ${created}`,
    kind: "note",
    confidence: null,
    tags: [],
    parentId: null,
    version: 1,
    resolvedAt: null,
    resolvedBy: null,
    automatic: false,
    mentions: [],
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

const filter = (overrides: Partial<AnnotationFilter>): AnnotationFilter => ({ ...EMPTY_FILTER, ...overrides });
const ids = (annotations: WireAnnotation[]) => annotations.map((annotation) => annotation.id);

describe("the filter in the query string", () => {
  it("an empty filter is an empty query string, and an empty query string the empty filter", () => {
    expect(serializeFilter(EMPTY_FILTER).toString()).toBe("");
    expect(parseFilter(new URLSearchParams())).toEqual(EMPTY_FILTER);
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
  });

  it("survives a round trip with every criterion set", () => {
    const full = filter({
      tags: ["troops", "border crossing"],
      authorIds: [ALICE.id, BOB.id],
      kinds: ["assessment", "warning"],
      targetTypes: ["event", "indicator-range"],
      status: "resolved",
      text: "Geneva talks ",
    });
    const query = serializeFilter(full).toString();
    expect(parseFilter(new URLSearchParams(query))).toEqual(full);
    expect(isFilterActive(full)).toBe(true);
  });

  it("uses the documented parameter names, repeating the list ones", () => {
    const query = serializeFilter(
      filter({
        tags: ["a", "b"],
        authorIds: [BOB.id],
        kinds: ["question"],
        targetTypes: ["board"],
        status: "open",
        text: "x",
      }),
    );
    expect(query.toString()).toBe("tag=a&tag=b&author=user-bob&kind=question&target=board&status=open&q=x");
  });

  it("writes the same URL for the same choice, whatever order it was made in", () => {
    const one = serializeFilter(filter({ kinds: ["warning", "note"], targetTypes: ["observation", "event"] }));
    const other = serializeFilter(
      filter({ kinds: ["note", "warning", "note"], targetTypes: ["event", "observation"] }),
    );
    expect(one.toString()).toBe(other.toString());
  });

  it("leaves out a search of nothing but spaces", () => {
    expect(serializeFilter(filter({ text: "   " })).toString()).toBe("");
  });

  it("ignores values it does not know instead of failing", () => {
    const parsed = parseFilter(
      new URLSearchParams(
        "kind=note&kind=rumour&target=event&target=planet&status=maybe&tag=&tag=%20%20&author=&tag=ok&tag=ok&extra=1",
      ),
    );
    expect(parsed).toEqual(filter({ kinds: ["note"], targetTypes: ["event"], tags: ["ok"] }));
  });

  it("ignores a tag longer than any tag can be, and an absurdly long author id", () => {
    const params = new URLSearchParams();
    params.append("tag", "t".repeat(41));
    params.append("author", "u".repeat(201));
    expect(parseFilter(params)).toEqual(EMPTY_FILTER);
  });

  it("keeps the page's other parameters when the filter changes", () => {
    const current = new URLSearchParams("focus=abc&kind=note&q=old");
    expect(withFilter(current, filter({ status: "open" })).toString()).toBe("focus=abc&status=open");
  });
});

describe("each criterion", () => {
  it("tags: a thread with any of the chosen tags", () => {
    const troops = makeAnnotation({ tags: ["troops"] });
    const ships = makeAnnotation({ tags: ["ships", "navy"] });
    const untagged = makeAnnotation();
    expect(ids(filterThreads([troops, ships, untagged], filter({ tags: ["navy", "troops"] })))).toEqual([
      ships.id,
      troops.id,
    ]);
  });

  it("authors: only what the chosen analysts wrote", () => {
    const byAlice = makeAnnotation();
    const byBob = makeAnnotation({ author: BOB });
    expect(ids(filterThreads([byAlice, byBob], filter({ authorIds: [BOB.id] })))).toEqual([byBob.id]);
  });

  it("kinds: only the chosen kinds", () => {
    const note = makeAnnotation();
    const question = makeAnnotation({ kind: "question" });
    const warning = makeAnnotation({ kind: "warning" });
    expect(ids(filterThreads([note, question, warning], filter({ kinds: ["question", "warning"] })))).toEqual([
      warning.id,
      question.id,
    ]);
  });

  it("target types: only annotations on the chosen kinds of thing", () => {
    const onBoard = makeAnnotation();
    const onEvent = makeAnnotation({ target: { type: "event", eventId: EVENT_ID } });
    const onPoint = makeAnnotation({
      target: { type: "indicator", indicatorId: INDICATOR_ID, at: "2022-01-10T09:00:00.000Z" },
    });
    const all = [onBoard, onEvent, onPoint];
    expect(ids(filterThreads(all, filter({ targetTypes: ["event"] })))).toEqual([onEvent.id]);
    expect(ids(filterThreads(all, filter({ targetTypes: ["board", "indicator"] })))).toEqual([onPoint.id, onBoard.id]);
  });

  it("status: open and resolved threads apart", () => {
    const open = makeAnnotation();
    const resolved = makeAnnotation({ resolvedAt: "2022-01-11T00:00:00.000Z", resolvedBy: BOB });
    expect(ids(filterThreads([open, resolved], filter({ status: "open" })))).toEqual([open.id]);
    expect(ids(filterThreads([open, resolved], filter({ status: "resolved" })))).toEqual([resolved.id]);
    expect(ids(filterThreads([open, resolved], filter({ status: "all" })))).toEqual([resolved.id, open.id]);
  });

  it("criteria combine: every one must hold", () => {
    const aliceQuestion = makeAnnotation({ kind: "question" });
    const bobQuestion = makeAnnotation({ kind: "question", author: BOB });
    const aliceNote = makeAnnotation();
    const both = filter({ kinds: ["question"], authorIds: [ALICE.id] });
    expect(ids(filterThreads([aliceQuestion, bobQuestion, aliceNote], both))).toEqual([aliceQuestion.id]);
  });

  it("no criteria: every thread, newest first", () => {
    const older = makeAnnotation();
    const newer = makeAnnotation();
    expect(ids(filterThreads([older, newer], EMPTY_FILTER))).toEqual([newer.id, older.id]);
  });
});

describe("text search", () => {
  const geneva = makeAnnotation({ body: "Talks in Geneva stalled", tags: ["diplomacy"] });
  const byZoe = makeAnnotation({ author: ZOE, body: "Convoy seen near the border" });
  const all = [geneva, byZoe];

  it("finds words in the body whatever their case", () => {
    expect(ids(filterThreads(all, filter({ text: "GENEVA" })))).toEqual([geneva.id]);
  });

  it("finds tags and author names", () => {
    expect(ids(filterThreads(all, filter({ text: "diplom" })))).toEqual([geneva.id]);
    expect(ids(filterThreads(all, filter({ text: "brandt" })))).toEqual([byZoe.id]);
  });

  it("ignores accents, so a plain keyboard finds Zoë", () => {
    expect(ids(filterThreads(all, filter({ text: "zoe" })))).toEqual([byZoe.id]);
  });

  it("needs every word, in any order and any field", () => {
    expect(ids(filterThreads(all, filter({ text: "  stalled   alice " })))).toEqual([geneva.id]);
    expect(ids(filterThreads(all, filter({ text: "stalled convoy" })))).toEqual([]);
  });
});

describe("threads", () => {
  it("groups replies under their top annotation, oldest reply first", () => {
    const top = makeAnnotation();
    const firstReply = makeAnnotation({ parentId: top.id, author: BOB });
    const secondReply = makeAnnotation({ parentId: top.id });
    const [thread, ...others] = groupThreads([secondReply, top, firstReply]);
    expect(others).toEqual([]);
    expect(thread?.top.id).toBe(top.id);
    expect(ids(thread?.replies ?? [])).toEqual([firstReply.id, secondReply.id]);
  });

  it("a thread matches when only one of its replies does, and is listed by its top annotation", () => {
    const top = makeAnnotation({ body: "Troop numbers rising" });
    const reply = makeAnnotation({ parentId: top.id, author: BOB, kind: "question", body: "Source for this?" });
    const other = makeAnnotation();
    const annotations = [top, reply, other];
    expect(ids(filterThreads(annotations, filter({ authorIds: [BOB.id] })))).toEqual([top.id]);
    expect(ids(filterThreads(annotations, filter({ kinds: ["question"] })))).toEqual([top.id]);
    expect(ids(filterThreads(annotations, filter({ text: "source" })))).toEqual([top.id]);
  });

  it("one annotation must meet all criteria: a tag on the top and an author on a reply are not enough", () => {
    const top = makeAnnotation({ tags: ["troops"] });
    const reply = makeAnnotation({ parentId: top.id, author: BOB });
    expect(filterThreads([top, reply], filter({ tags: ["troops"], authorIds: [BOB.id] }))).toEqual([]);
  });

  it("status is the top annotation's: a resolved thread stays resolved whatever its replies say", () => {
    const top = makeAnnotation({ resolvedAt: "2022-01-11T00:00:00.000Z", resolvedBy: BOB });
    const reply = makeAnnotation({ parentId: top.id });
    expect(filterThreads([top, reply], filter({ status: "open" }))).toEqual([]);
    expect(ids(filterThreads([top, reply], filter({ status: "resolved" })))).toEqual([top.id]);
  });

  it("orders threads by when they were started, not by their latest reply", () => {
    const older = makeAnnotation();
    const newer = makeAnnotation();
    const lateReply = makeAnnotation({ parentId: older.id });
    expect(ids(filterThreads([older, newer, lateReply], EMPTY_FILTER))).toEqual([newer.id, older.id]);
  });

  it("a reply whose thread was deleted still shows, as a thread of its own", () => {
    const orphan = makeAnnotation({ parentId: "annotation-deleted", body: "Still relevant" });
    expect(ids(filterThreads([orphan], filter({ text: "relevant" })))).toEqual([orphan.id]);
  });

  it("matchesFilter judges a reply, and its top annotation, by the whole thread", () => {
    const top = makeAnnotation({ tags: ["troops"] });
    const reply = makeAnnotation({ parentId: top.id, author: BOB });
    const unrelated = makeAnnotation();
    const context = { annotations: [top, reply, unrelated] };
    const byBob = filter({ authorIds: [BOB.id] });
    expect(matchesFilter(top, byBob, context)).toBe(true);
    expect(matchesFilter(reply, byBob, context)).toBe(true);
    expect(matchesFilter(unrelated, byBob, context)).toBe(false);
    expect(matchesFilter(reply, filter({ tags: ["troops"] }), context)).toBe(true);
  });

  it("matchesFilter judges an annotation the context does not hold by itself", () => {
    const stray = makeAnnotation({ kind: "warning" });
    expect(matchesFilter(stray, filter({ kinds: ["warning"] }), { annotations: [] })).toBe(true);
    expect(matchesFilter(stray, filter({ kinds: ["note"] }), { annotations: [] })).toBe(false);
  });
});
