// The shared wire schemas: what a create may carry, and what it may not.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZAnnotationCreate } from "@/lib/schemas/annotation";
import { ZBoardJoin } from "@/lib/schemas/board";

const valid = () => ({ id: randomUUID(), boardId: randomUUID(), target: { type: "board" }, body: "  Geneva first.  " });

describe("ZAnnotationCreate", () => {
  it("fills defaults and trims the body", () => {
    const parsed = ZAnnotationCreate.parse(valid());
    expect(parsed).toMatchObject({ kind: "note", tags: [], body: "Geneva first." });
  });

  it.each([
    ["an indicator point", { type: "indicator", indicatorId: randomUUID(), at: "2022-01-10T09:00:00Z" }],
    [
      "an indicator range",
      {
        type: "indicator-range",
        indicatorId: randomUUID(),
        from: "2022-01-01T00:00:00Z",
        to: "2022-01-10T00:00:00+01:00",
      },
    ],
    ["an event", { type: "event", eventId: randomUUID() }],
    ["an observation", { type: "observation", observationId: randomUUID() }],
  ])("accepts %s as a target", (_name, target) => {
    expect(ZAnnotationCreate.safeParse({ ...valid(), target }).success).toBe(true);
  });

  it.each([
    ["a whitespace-only body", { body: "   " }],
    ["a body over 10,000 characters", { body: "a".repeat(10_001) }],
    ["21 tags", { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
    ["a tag over 40 characters", { tags: ["t".repeat(41)] }],
    ["a time without an offset", { target: { type: "indicator", indicatorId: randomUUID(), at: "2022-01-10 09:00" } }],
    ["an unknown target type", { target: { type: "source-span" } }],
    ["an unknown field", { sneaky: true }],
    ["an unknown confidence", { confidence: "certain" }],
    ["an id that is not a UUID", { id: "1" }],
  ])("refuses %s", (_name, change) => {
    expect(ZAnnotationCreate.safeParse({ ...valid(), ...change }).success).toBe(false);
  });

  it("accepts exactly 10,000 characters and 20 tags of 40", () => {
    const edge = {
      ...valid(),
      body: "a".repeat(10_000),
      tags: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(40, "x")),
    };
    expect(ZAnnotationCreate.safeParse(edge).success).toBe(true);
  });
});

describe("ZBoardJoin", () => {
  it("takes an optional non-negative integer sinceSeq", () => {
    const boardId = randomUUID();
    expect(ZBoardJoin.safeParse({ boardId }).success).toBe(true);
    expect(ZBoardJoin.safeParse({ boardId, sinceSeq: 0 }).success).toBe(true);
    expect(ZBoardJoin.safeParse({ boardId, sinceSeq: -1 }).success).toBe(false);
    expect(ZBoardJoin.safeParse({ boardId, sinceSeq: 1.5 }).success).toBe(false);
  });
});

describe("text that cannot be stored", () => {
  it.each([
    ["a NUL character", "before\u0000after"],
    ["a lone high surrogate", "broken \uD800 pair"],
    ["a lone low surrogate", "broken \uDFFF pair"],
  ])("refuses %s in a body or a tag, instead of altering it", (_name, text) => {
    expect(ZAnnotationCreate.safeParse({ ...valid(), body: text }).success).toBe(false);
    expect(ZAnnotationCreate.safeParse({ ...valid(), tags: [text] }).success).toBe(false);
  });

  it("keeps a whole surrogate pair (an emoji)", () => {
    expect(ZAnnotationCreate.parse({ ...valid(), body: "Talks stalled 🛑" }).body).toBe("Talks stalled 🛑");
  });

  it.each(["0000-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])(
    "refuses the instant %s, outside the years 1000–9999",
    (at) => {
      const target = { type: "indicator", indicatorId: randomUUID(), at };
      expect(ZAnnotationCreate.safeParse({ ...valid(), target }).success).toBe(false);
    },
  );
});
