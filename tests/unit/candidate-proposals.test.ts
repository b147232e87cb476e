// Issue 15, "Confirming": what a date or a figure proposes before the analyst edits and saves it, which
// indicator a figure's unit suggests, and how the pane's candidates follow the op log and are marked.
import { describe, expect, it } from "vitest";
import { applyCandidateOps, bookOf } from "@/components/board/document/candidate-book";
import { candidateMarks, selectedIn } from "@/components/board/document/candidate-marks";
import { evidenceIndex } from "@/components/board/document/evidence";
import { proposeEvent, sentenceOf, shortenAtWord } from "@/components/board/document/propose-event";
import { proposeObservation } from "@/components/board/document/propose-observation";
import { suggestIndicator } from "@/components/board/document/suggest-indicator";
import type { AnnotationThread } from "@/lib/annotation-filter";
import type { WireOp } from "@/lib/ops";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { ExtractedMeaning, WireCandidate } from "@/lib/schemas/candidate";
import { ShardedMap } from "@/lib/sharded-map";

const SOURCE = "0b5e7a51-0000-4000-8000-000000000001";
const TEXT = [
  "Wire, Tuesday 11 January.",
  "Envoys of both sides sit down in Lausanne on Thursday, with observers from Austria attending.",
  "Around 4,500 personnel crossed at the northern checkpoint on Saturday.",
  "Some 40 trucks were counted.",
].join(" ");

let counter = 0;
/** A candidate on the word `exact` of TEXT (its first occurrence), in the sentence that holds it. */
function candidate<M extends ExtractedMeaning>(exact: string, meaning: M): WireCandidate & M {
  const start = TEXT.indexOf(exact);
  if (start < 0) throw new Error(`${exact} is not in the text`);
  const sentenceStart = TEXT.lastIndexOf(". ", start) + (TEXT.lastIndexOf(". ", start) < 0 ? 1 : 2);
  const sentenceEnd = TEXT.indexOf(".", start + exact.length) + 1;
  counter += 1;
  return {
    ...meaning,
    id: `c0000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    sourceId: SOURCE,
    version: 1,
    start,
    end: start + exact.length,
    exact,
    sentence: { start: Math.max(0, sentenceStart), end: sentenceEnd },
    anchor: { status: "anchored", version: 1, start, end: start + exact.length },
    status: "proposed",
    decidedBy: null,
    decidedAt: null,
    outcome: null,
  } as unknown as WireCandidate & M;
}

const thursday = candidate("on Thursday", {
  kind: "date",
  date: { start: "2022-01-13", precision: "day" },
  category: "diplomatic",
});
const lausanne = candidate("Lausanne", { kind: "name", name: "Lausanne", nameType: "place" });
const austria = candidate("Austria", { kind: "name", name: "Austria", nameType: "place" });
const envoys = candidate("Envoys", { kind: "name", name: "Envoys", nameType: "organisation" });
const personnel = candidate("Around 4,500 personnel", {
  kind: "figure",
  value: 4500,
  unit: "personnel",
  qualifier: "about",
});
const saturday = candidate("on Saturday", {
  kind: "date",
  date: { start: "2022-01-08", precision: "day" },
  category: "military",
});
const trucks = candidate("Some 40 trucks", { kind: "figure", value: 40, unit: "trucks", qualifier: "about" });
const ALL = [thursday, lausanne, austria, envoys, personnel, saturday, trucks];

const INDICATORS = [
  { id: "i-meetings", name: "Diplomatic meetings per week", unit: "meetings" },
  { id: "i-troops", name: "Russian troops near Ukraine's border", unit: "troops" },
  { id: "i-vehicles", name: "Vehicles at the crossing", unit: "trucks" },
];

describe("a date proposes an event", () => {
  it("titled by its sentence, at noon UTC on its day, with the guessed kind and the places named beside it", () => {
    const proposal = proposeEvent(thursday, ALL, sentenceOf(thursday, TEXT, 1));
    expect(proposal).toEqual({
      title: "Envoys of both sides sit down in Lausanne on Thursday, with observers from Austria attending.",
      occurredAt: "2022-01-13T12:00:00.000Z",
      endsAt: null,
      category: "diplomatic",
      description: "",
      placeNames: ["Lausanne", "Austria"],
    });
  });

  it("takes no place from a rejected name, nor from a person or an organisation", () => {
    const rejected = { ...austria, status: "rejected" as const };
    const others = ALL.map((other) => (other.id === austria.id ? rejected : other));
    expect(proposeEvent(thursday, others, "x").placeNames).toEqual(["Lausanne"]);
  });

  it("a month starts on its 1st, and a range ends at its end (never before its start)", () => {
    const month = { ...thursday, date: { start: "2022-02", end: "2022-03", precision: "month" as const } };
    expect(proposeEvent(month, ALL, "x")).toMatchObject({
      occurredAt: "2022-02-01T12:00:00.000Z",
      endsAt: "2022-03-01T12:00:00.000Z",
    });
    const backwards = { ...thursday, date: { start: "2022-02-10", end: "2022-02-01", precision: "day" as const } };
    expect(proposeEvent(backwards, ALL, "x").endsAt).toBeNull();
  });

  it("a long sentence is shortened after a whole word, within 120 characters", () => {
    const long = `The convoy ${"moved slowly along the frozen highway ".repeat(6)}before dawn.`;
    const title = shortenAtWord(long);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.endsWith("…")).toBe(true);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(long.charAt(title.length - 1)).toBe(" ");
    expect(shortenAtWord("  Short\n sentence. ")).toBe("Short sentence.");
  });

  it("in a later version, the sentence is read where the candidate's anchor moved it", () => {
    const later = `A new first line.\n\n${TEXT}`;
    const shift = later.indexOf(TEXT);
    const moved = {
      ...thursday,
      anchor: { status: "anchored" as const, version: 2, start: thursday.start + shift, end: thursday.end + shift },
    };
    expect(sentenceOf(moved, later, 2)).toBe(TEXT.slice(thursday.sentence.start, thursday.sentence.end));
    expect(sentenceOf({ ...moved, anchor: { status: "orphaned", version: 2 } }, later, 2)).toBe("on Thursday");
  });
});

describe("a figure proposes an observation", () => {
  const published = { publishedAt: "2022-01-11T08:00:00.000Z" };

  it("personnel go on the troop indicator, at the date of the same sentence", () => {
    const proposal = proposeObservation(personnel, ALL, published, INDICATORS, sentenceOf(personnel, TEXT, 1));
    expect(proposal).toEqual({
      value: 4500,
      indicatorId: "i-troops",
      newIndicator: { name: "Personnel", unit: "personnel" },
      observedAt: "2022-01-08T12:00:00.000Z",
    });
  });

  it("in a sentence with a range, at the range's end", () => {
    const range = { ...saturday, date: { start: "2021-11", end: "2022-01-10", precision: "month" as const } };
    const others = ALL.map((other) => (other.id === saturday.id ? range : other));
    const proposal = proposeObservation(personnel, others, published, INDICATORS, sentenceOf(personnel, TEXT, 1));
    expect(proposal.observedAt).toBe("2022-01-10T12:00:00.000Z");
  });

  it("a date after 'since' starts what is still going on: the figure is at the publication date", () => {
    const text = "Since December, about 900 engineers have worked at the bridge.";
    const since: WireCandidate & { kind: "date" } = {
      ...saturday,
      start: 6,
      end: 14,
      exact: "December",
      sentence: { start: 0, end: text.length },
      date: { start: "2021-12", precision: "month" },
    };
    const engineers: WireCandidate & { kind: "figure" } = {
      ...personnel,
      start: 16,
      end: 35,
      exact: "about 900 engineers",
      sentence: { start: 0, end: text.length },
      value: 900,
      unit: "engineers",
    };
    const proposal = proposeObservation(engineers, [since, engineers], published, INDICATORS, text);
    expect(proposal.observedAt).toBe(published.publishedAt);
    const early = proposeObservation(engineers, [since, engineers], published, INDICATORS, `Early ${text.slice(6)}`);
    expect(early.observedAt).toBe("2021-12-01T12:00:00.000Z");
  });

  it("without a date in its sentence, at the publication date", () => {
    const proposal = proposeObservation(trucks, ALL, published, INDICATORS, sentenceOf(trucks, TEXT, 1));
    expect(proposal.observedAt).toBe(published.publishedAt);
    expect(proposal.indicatorId).toBe("i-vehicles");
  });

  it("a unit no indicator speaks of suggests none, and a new indicator named after it", () => {
    const drones = { ...trucks, unit: "reconnaissance drones", value: 12 };
    const proposal = proposeObservation(drones, ALL, published, INDICATORS, sentenceOf(drones, TEXT, 1));
    expect(proposal.indicatorId).toBeNull();
    expect(proposal.newIndicator).toEqual({ name: "Reconnaissance drones", unit: "reconnaissance drones" });
  });
});

describe("the indicator a unit suggests", () => {
  it.each(["troops", "personnel", "soldiers", "servicemen", "combat troops"])("%s → the troop indicator", (unit) => {
    expect(suggestIndicator(unit, INDICATORS)).toBe("i-troops");
  });

  it("by the indicator's name when no unit mentions it", () => {
    const named = [{ id: "i-troops", name: "Troop strength in the north", unit: "people" }];
    expect(suggestIndicator("soldiers", named)).toBe("i-troops");
  });

  it("none for an unrelated unit, nor for no unit", () => {
    expect(suggestIndicator("government websites", INDICATORS)).toBeNull();
    expect(suggestIndicator("", INDICATORS)).toBeNull();
  });
});

function op<T extends WireOp["type"]>(seq: number, type: T, data: Extract<WireOp, { type: T }>["data"]): WireOp {
  return { boardId: "b", seq, type, actorId: null, at: "2022-01-11T09:00:00.000Z", data } as WireOp;
}

describe("the pane's candidates follow the op log", () => {
  it("proposed, confirmed and rejected candidates of this source arrive; another source's do not", () => {
    const book = bookOf({ seq: 10, candidates: [thursday] });
    const confirmed = { ...thursday, status: "confirmed" as const, decidedBy: { id: "u", name: "Bob" } };
    const elsewhere = { ...saturday, sourceId: "0b5e7a51-0000-4000-8000-000000000002" };
    const { book: next, gap } = applyCandidateOps(book, SOURCE, [
      op(11, "candidate.proposed", { sourceId: SOURCE, version: 1, count: 2, candidates: [personnel, trucks] }),
      op(12, "candidate.confirmed", confirmed),
      op(13, "candidate.rejected", { ...trucks, status: "rejected" }),
      op(14, "candidate.proposed", { sourceId: elsewhere.sourceId, version: 1, count: 1, candidates: [elsewhere] }),
    ]);
    expect(gap).toBe(false);
    expect(next.seq).toBe(14);
    expect(next.candidates.map((one) => [one.exact, one.status])).toEqual([
      ["on Thursday", "confirmed"],
      ["Around 4,500 personnel", "proposed"],
      ["Some 40 trucks", "rejected"],
    ]);
  });

  it("a revision moves their anchors into the new version, or says they lost their passage", () => {
    const book = bookOf({ seq: 3, candidates: [thursday, trucks] });
    const source = {
      id: SOURCE,
      title: "Wire",
      publisher: "",
      publishedAt: null,
      reliability: null,
      currentVersion: 2,
    };
    const { book: next } = applyCandidateOps(book, SOURCE, [
      op(4, "source.revised", {
        source,
        version: 2,
        anchors: [],
        candidates: [
          { candidateId: thursday.id, status: "anchored", start: 500, end: 511 },
          { candidateId: trucks.id, status: "orphaned" },
        ],
      }),
    ]);
    expect(next.candidates.map((one) => one.anchor)).toEqual([
      { status: "anchored", version: 2, start: 500, end: 511 },
      { status: "orphaned", version: 2 },
    ]);
  });

  it("a missing op stops the book before it, to be loaded again; ops already counted are skipped", () => {
    const book = bookOf({ seq: 20, candidates: [] });
    const late = op(23, "candidate.proposed", { sourceId: SOURCE, version: 1, count: 1, candidates: [trucks] });
    const old = op(19, "candidate.proposed", { sourceId: SOURCE, version: 1, count: 1, candidates: [personnel] });
    const { book: next, gap } = applyCandidateOps(book, SOURCE, [old, op(21, "board.updated", {} as never), late]);
    expect(gap).toBe(true);
    expect(next.seq).toBe(21);
    expect(next.candidates).toEqual([]);
  });

  it("a proposal too long to travel in its op is loaded again, like a missing op", () => {
    const book = bookOf({ seq: 30, candidates: [thursday] });
    const many = op(31, "candidate.proposed", { sourceId: SOURCE, version: 1, count: 5_000 });
    const elsewhere = op(32, "candidate.proposed", {
      sourceId: "0b5e7a51-0000-4000-8000-000000000002",
      version: 1,
      count: 5_000,
    });
    expect(applyCandidateOps(book, SOURCE, [many]).gap).toBe(true);
    expect(applyCandidateOps({ ...book, seq: 31 }, SOURCE, [elsewhere])).toEqual({
      book: { ...book, seq: 32 },
      gap: false,
    });
  });
});

describe("candidate marks", () => {
  it("at the anchor in the current version, rejected ones and other kinds left out", () => {
    const rejected = { ...trucks, status: "rejected" as const };
    const orphan = { ...saturday, anchor: { status: "orphaned" as const, version: 1 } };
    const marks = candidateMarks([thursday, lausanne, rejected, orphan, personnel], 1, (one) => one.kind !== "name");
    expect(marks.map((mark) => [mark.id, mark.start, mark.kind])).toEqual([
      [thursday.id, thursday.start, "date"],
      [personnel.id, personnel.start, "figure"],
    ]);
    expect(candidateMarks([thursday], 2)).toEqual([]);
  });

  it("moving the selection redraws only the paragraphs it leaves and enters", () => {
    const [first, second] = candidateMarks([thursday, personnel], 1);
    const paragraphs = [[first], [second], []].map((drawn) => drawn.filter((mark) => mark !== undefined));
    expect(paragraphs.map((drawn) => selectedIn(drawn, personnel.id))).toEqual([null, personnel.id, null]);
    expect(paragraphs.map((drawn) => selectedIn(drawn, null))).toEqual([null, null, null]);
  });
});

function passageNote(id: string, exact: string, extra: Partial<WireAnnotation>): WireAnnotation {
  const start = TEXT.indexOf(exact);
  return {
    id,
    boardId: "b",
    author: { id: "u", name: "Bob" },
    target: { type: "source-span", sourceId: SOURCE, version: 1, start, end: start + exact.length, exact },
    body: "Evidence",
    kind: "note",
    confidence: null,
    tags: [],
    parentId: null,
    version: 1,
    resolvedAt: null,
    resolvedBy: null,
    automatic: false,
    mentions: [],
    createdAt: "2022-01-11T09:00:00.000Z",
    updatedAt: "2022-01-11T09:00:00.000Z",
    ...extra,
  };
}

describe("evidence under events and figures", () => {
  it("is found by evidenceFor, with the source's title, its quote and where to open it now", () => {
    const forEvent = passageNote("a1", "on Thursday", {
      evidenceFor: { type: "event", eventId: "e1" },
      anchor: { status: "anchored", version: 2, start: 300, end: 311 },
    });
    const forFigure = passageNote("a2", "Around 4,500 personnel", {
      evidenceFor: { type: "observation", observationId: "o1" },
      anchor: { status: "orphaned", version: 2 },
    });
    const plainNote = passageNote("a3", "Some 40 trucks", {});
    const notes = [forEvent, forFigure, plainNote];
    const threads = {
      order: notes.map(({ id }) => id),
      byHead: ShardedMap.from(notes.map((top) => [top.id, { top, replies: [] } satisfies AnnotationThread] as const)),
    };
    const index = evidenceIndex(threads, new Map([[SOURCE, { title: "Wire 7" }]]));
    expect([...index.keys()]).toEqual(["event:e1", "observation:o1"]);
    expect(index.get("event:e1")).toEqual([
      {
        annotationId: "a1",
        sourceId: SOURCE,
        sourceTitle: "Wire 7",
        quote: "on Thursday",
        version: 2,
        offset: 300,
        lost: false,
      },
    ]);
    expect(index.get("observation:o1")?.[0]).toMatchObject({
      version: 1,
      offset: forFigure.target.type === "source-span" ? forFigure.target.start : -1,
      lost: true,
    });
  });
});
