// The pure part of @-mention suggestions: the "@…" at the caret, who it may mean, and the text after a
// pick — which must be exactly what the server recognizes as a mention (server/annotations/find-mentions.ts).
import { describe, expect, it } from "vitest";
import { insertMention, mentionQueryAt, suggestMembers } from "@/components/board/mention/mention-query";
import type { WireMember } from "@/lib/schemas/board";
import { mentionedMembers } from "@/server/annotations/find-mentions";

const member = (userId: string, name: string, email: string): WireMember => ({ userId, name, email, role: "editor" });
const ALICE = member("u-alice", "Alice Martin", "alice@watchfloor.test");
const BOB = member("u-bob", "Bob Okafor", "bob@watchfloor.test");
const ZOE = member("u-zoe", "Zoë Lindqvist", "z.lindqvist@watchfloor.test");
const BORIS = member("u-boris", "Boris Ivanov", "ivanov@watchfloor.test");
const MEMBERS = [ALICE, BOB, ZOE, BORIS];

describe("the @-query at the caret", () => {
  it("is what follows an @ at the start of the text or after a space, up to the caret", () => {
    expect(mentionQueryAt("@bo", 3)).toEqual({ start: 0, end: 3, query: "bo" });
    expect(mentionQueryAt("Ask @Bob Ok about it", 11)).toEqual({ start: 4, end: 11, query: "Bob Ok" });
    expect(mentionQueryAt("(@al", 4)).toEqual({ start: 1, end: 4, query: "al" });
    expect(mentionQueryAt("Ask @", 5)).toEqual({ start: 4, end: 5, query: "" });
  });

  it("is none for an e-mail address, a line break since the @, a space right after it, or no @", () => {
    expect(mentionQueryAt("write to ops@example.org", 24)).toBeNull();
    expect(mentionQueryAt("@bob\nand then", 13)).toBeNull();
    expect(mentionQueryAt("@ bob", 5)).toBeNull();
    expect(mentionQueryAt("no mention here", 15)).toBeNull();
    expect(mentionQueryAt(`@${"x".repeat(61)}`, 62)).toBeNull();
  });

  it("reads only up to the caret", () => {
    expect(mentionQueryAt("@bob and more", 2)).toEqual({ start: 0, end: 2, query: "b" });
    expect(mentionQueryAt("@bob and more", 0)).toBeNull();
  });
});

describe("suggesting members", () => {
  it("finds a full name's beginning first, then a later name's, then an e-mail's, case and accents aside", () => {
    expect(suggestMembers(MEMBERS, "bo").map((m) => m.name)).toEqual(["Bob Okafor", "Boris Ivanov"]);
    expect(suggestMembers(MEMBERS, "OKA").map((m) => m.name)).toEqual(["Bob Okafor"]);
    expect(suggestMembers(MEMBERS, "zoe").map((m) => m.name)).toEqual(["Zoë Lindqvist"]);
    expect(suggestMembers(MEMBERS, "z.l").map((m) => m.name)).toEqual(["Zoë Lindqvist"]);
    expect(suggestMembers(MEMBERS, "iv").map((m) => m.name)).toEqual(["Boris Ivanov"]);
    expect(suggestMembers(MEMBERS, "bob ok").map((m) => m.name)).toEqual(["Bob Okafor"]);
    // A later name's beginning comes after a full name's, though its name sorts first.
    const ingrid = member("u-ingrid", "Ingrid Berg", "berg@watchfloor.test");
    expect(suggestMembers([BORIS, ingrid], "i").map((m) => m.name)).toEqual(["Ingrid Berg", "Boris Ivanov"]);
    const aaron = member("u-aaron", "Aaron Lee", "mlee@watchfloor.test");
    expect(suggestMembers([aaron, ALICE], "m").map((m) => m.name)).toEqual(["Alice Martin", "Aaron Lee"]);
  });

  it("lists everyone for a bare @, by name, without the writer, at most the limit", () => {
    expect(suggestMembers(MEMBERS, "", { selfId: "u-alice" }).map((m) => m.name)).toEqual([
      "Bob Okafor",
      "Boris Ivanov",
      "Zoë Lindqvist",
    ]);
    expect(suggestMembers(MEMBERS, "", { limit: 2 })).toHaveLength(2);
  });

  it("stops suggesting once the name is written out and a space follows", () => {
    expect(suggestMembers(MEMBERS, "Bob Okafor ")).toEqual([]);
    expect(suggestMembers(MEMBERS, "nobody")).toEqual([]);
  });
});

describe("inserting a pick", () => {
  it("replaces the typed @-query with @ and the full name and a space, the caret after them", () => {
    const text = "Can @bo confirm?";
    const query = mentionQueryAt(text, 7);
    if (!query) throw new Error("no query");
    expect(insertMention(text, query, "Bob Okafor")).toEqual({ text: "Can @Bob Okafor confirm?", caret: 16 });
    expect(insertMention("@bo", { start: 0, end: 3, query: "bo" }, "Bob Okafor")).toEqual({
      text: "@Bob Okafor ",
      caret: 12,
    });
  });

  it("writes what the server finds as a mention of that member, and of no one else", () => {
    const { text } = insertMention("Thoughts, @zo", { start: 10, end: 13, query: "zo" }, ZOE.name);
    const names = MEMBERS.map(({ userId, name }) => ({ id: userId, name }));
    expect(mentionedMembers(names, text, "u-alice").map((m) => m.id)).toEqual(["u-zoe"]);
  });
});
