// Colleagues' focus on the map's markers: who looks at which event, answered anew only when that changes.
import { describe, expect, it } from "vitest";
import { sameWatchers, watchersByEvent } from "@/components/board/map/map-presence";
import type { PresenceMember } from "@/lib/events";

const member = (userId: string, name: string, focus: PresenceMember["focus"], typingIn: string | null = null) =>
  ({ userId, name, connections: 1, focus, typingIn }) satisfies PresenceMember;

describe("who watches which event", () => {
  it("lists the others focused on an event, never the analyst, nor focus on other things", () => {
    const members = [
      member("me", "Alice Analyst", { type: "event", id: "e1" }),
      member("bob", "Bob Baker", { type: "event", id: "e1" }),
      member("cy", "Cy Chen", { type: "event", id: "e2" }),
      member("di", "Di Dane", { type: "indicator", id: "e1" }),
      member("ed", "Ed Eames", null),
    ];
    expect([...watchersByEvent(members, "me")]).toEqual([
      ["e1", ["Bob Baker"]],
      ["e2", ["Cy Chen"]],
    ]);
  });

  it("is the same while only typing changes, and differs when a focus moves", () => {
    const before = watchersByEvent([member("bob", "Bob", { type: "event", id: "e1" })], "me");
    const typing = watchersByEvent([member("bob", "Bob", { type: "event", id: "e1" }, "thread-1")], "me");
    const moved = watchersByEvent([member("bob", "Bob", { type: "event", id: "e2" })], "me");
    const joined = watchersByEvent(
      [member("bob", "Bob", { type: "event", id: "e1" }), member("cy", "Cy", { type: "event", id: "e1" })],
      "me",
    );
    const someoneElse = watchersByEvent([member("cy", "Cy", { type: "event", id: "e1" })], "me");
    expect(sameWatchers(before, typing)).toBe(true);
    expect(sameWatchers(before, someoneElse)).toBe(false);
    expect(sameWatchers(before, moved)).toBe(false);
    expect(sameWatchers(before, joined)).toBe(false);
    expect(sameWatchers(joined, before)).toBe(false);
  });
});
