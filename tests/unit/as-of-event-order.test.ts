// The timeline's order switch (issue 19): by when events happened, or by when they were logged.
import { describe, expect, it } from "vitest";
import { orderEvents } from "@/components/board/history/event-order";

const numbered = [
  { number: 1, event: { id: "a", occurredAt: "2022-01-10T08:00:00Z", loggedAt: "2022-01-12T09:00:00Z" } },
  { number: 2, event: { id: "b", occurredAt: "2022-01-11T08:00:00Z", loggedAt: "2022-01-11T08:05:00Z" } },
  { number: 3, event: { id: "c", occurredAt: "2022-01-12T08:00:00Z", loggedAt: "2022-01-12T08:01:00Z" } },
  { number: 4, event: { id: "d", occurredAt: "2022-01-12T08:00:00Z", loggedAt: "2022-01-11T08:05:00Z" } },
];
const ids = (list: typeof numbered) => list.map(({ event }) => event.id);

describe("the timeline's order", () => {
  it("by happened keeps the marker numbers' order", () => {
    expect(ids(orderEvents(numbered, "happened"))).toEqual(["a", "b", "c", "d"]);
  });

  it("by logged puts a late report last, ties in the happened order, numbers kept", () => {
    const logged = orderEvents(numbered, "logged");
    expect(ids(logged)).toEqual(["b", "d", "c", "a"]);
    expect(logged.map(({ number }) => number)).toEqual([2, 4, 3, 1]);
  });

  it("leaves the list it is given alone", () => {
    orderEvents(numbered, "logged");
    expect(ids(numbered)).toEqual(["a", "b", "c", "d"]);
  });
});
