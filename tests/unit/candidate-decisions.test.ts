// What an analyst can still decide about candidates (components/board/document/candidate-decisions.ts).
import { describe, expect, it } from "vitest";
import {
  canPropose,
  changedMeanwhile,
  isOpen,
  outcomeOnBoard,
  stillToDecide,
} from "@/components/board/document/candidate-decisions";
import type { WireCandidate } from "@/lib/schemas/candidate";

const everythingOnBoard = () => true;
let counter = 0;
function figure(overrides: Partial<WireCandidate> = {}): WireCandidate {
  counter += 1;
  return {
    kind: "figure",
    value: 300,
    unit: "trucks",
    qualifier: null,
    id: `d0000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    sourceId: "0b5e7a51-0000-4000-8000-000000000002",
    version: 1,
    start: 10,
    end: 20,
    exact: "300 trucks",
    sentence: { start: 0, end: 40 },
    anchor: { status: "anchored", version: 2, start: 14, end: 24 },
    status: "proposed",
    decidedBy: null,
    decidedAt: null,
    outcome: null,
    ...overrides,
  } as WireCandidate;
}

describe("which candidates open a proposal", () => {
  it("a proposed date or figure still in the text does", () => {
    expect(canPropose(figure(), everythingOnBoard)).toBe(true);
  });

  it("one that lost its passage in the current version does not (the server would refuse it)", () => {
    expect(canPropose(figure({ anchor: { status: "orphaned", version: 2 } }), everythingOnBoard)).toBe(false);
  });

  it("a name or a candidate already decided does not", () => {
    expect(
      canPropose(
        figure({ kind: "name", name: "Minsk", nameType: "place" } as Partial<WireCandidate>),
        everythingOnBoard,
      ),
    ).toBe(false);
    expect(canPropose(figure({ status: "rejected" }), everythingOnBoard)).toBe(false);
  });
});

describe("the count still to decide after an extraction", () => {
  it("falls as the found candidates are confirmed or rejected, whoever decides", () => {
    const found = [figure(), figure(), figure()];
    const ids = new Set(found.map((candidate) => candidate.id));
    const elsewhere = figure();
    expect(stillToDecide([...found, elsewhere], ids)).toBe(3);
    const [first, second, third] = found as [WireCandidate, WireCandidate, WireCandidate];
    const later = [{ ...first, status: "confirmed" as const }, { ...second, status: "rejected" as const }, third];
    expect(stillToDecide([...later, elsewhere], ids)).toBe(1);
  });
});

describe("an open proposal hears what changed under it", () => {
  it("a colleague's decision, by name", () => {
    const decidedBy = { id: "u-bob", name: "Bob Okafor" };
    expect(
      changedMeanwhile(
        figure({ status: "confirmed", decidedBy, outcome: { type: "event", eventId: "e-1", evidenceId: "a-0" } }),
        everythingOnBoard,
      ),
    ).toBe("Bob Okafor confirmed this candidate meanwhile.");
    expect(changedMeanwhile(figure({ status: "rejected", decidedBy }), everythingOnBoard)).toBe(
      "Bob Okafor rejected this candidate meanwhile.",
    );
  });

  it("a revision that lost its passage; nothing while it is still proposed in the text", () => {
    expect(changedMeanwhile(figure({ anchor: { status: "orphaned", version: 3 } }), everythingOnBoard)).toMatch(
      /lost in version 3/,
    );
    expect(changedMeanwhile(figure(), everythingOnBoard)).toBeNull();
  });
});

describe("a confirmed candidate whose event or figure was deleted since", () => {
  const board = {
    events: { list: [], byId: new Map([["e-kept", {}]]) },
    indicators: { list: [{ observations: [{ id: "o-kept" }] }], byId: new Map() },
  } as unknown as Parameters<typeof outcomeOnBoard>[0];
  const onBoard = outcomeOnBoard(board);
  const decidedBy = { id: "u-bob", name: "Bob Okafor" };
  const confirmedAs = (outcome: WireCandidate["outcome"]) => figure({ status: "confirmed", decidedBy, outcome });

  it("may be confirmed again or rejected, as the server allows", () => {
    const gone = confirmedAs({ type: "observation", observationId: "o-gone", evidenceId: "a-1" });
    expect(isOpen(gone, onBoard)).toBe(true);
    expect(canPropose(gone, onBoard)).toBe(true);
    expect(changedMeanwhile(gone, onBoard)).toBeNull();
    expect(isOpen(confirmedAs(null), onBoard)).toBe(true);
    expect(isOpen(confirmedAs({ type: "event", eventId: "e-gone", evidenceId: "a-2" }), onBoard)).toBe(true);
  });

  it("but not while its event or figure is still on the board", () => {
    const kept = confirmedAs({ type: "observation", observationId: "o-kept", evidenceId: "a-3" });
    expect(canPropose(kept, onBoard)).toBe(false);
    expect(isOpen(confirmedAs({ type: "event", eventId: "e-kept", evidenceId: "a-4" }), onBoard)).toBe(false);
    expect(changedMeanwhile(kept, onBoard)).toBe("Bob Okafor confirmed this candidate meanwhile.");
  });
});
