// The pure part of @-mentions (issue 19): which "@…" the caret is in, which board members it may mean,
// and the text once one is picked. The server finds a mention as "@" + the member's name anywhere in the
// body, case aside (server/annotations/find-mentions.ts), so a pick writes exactly that.
import type { WireMember } from "@/lib/schemas/board";

/** The "@…" being typed: `start` is the "@", `end` the caret, `query` what lies between. */
export type MentionQuery = { start: number; end: number; query: string };

/** Longer than any name worth suggesting: past it the "@" is just a character in the text. */
const MAX_QUERY_LENGTH = 60;
/** A character that makes an "@" part of a word or an address ("ops@example.org"), not a mention. */
const WORD_CHARACTER = /[\p{L}\p{N}_.+-]/u;

/** The mention the caret is typing, or null: an "@" at the start or after a space, no line break since. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf("@");
  if (start < 0) return null;
  const previous = before[start - 1];
  if (previous !== undefined && WORD_CHARACTER.test(previous)) return null;
  const query = before.slice(start + 1);
  if (query.length > MAX_QUERY_LENGTH || query.includes("\n") || /^\s/.test(query)) return null;
  return { start, end: caret, query };
}

/** Case- and accent-insensitive, so "zoe" finds "Zoë". */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The members `query` may mean, best first: those whose full name begins with it, then those with a later
 * name that does ("oka" finds Bob Okafor), then those whose e-mail does; by name within each. The writer
 * is left out (naming oneself is not a mention).
 */
export function suggestMembers(
  members: readonly WireMember[],
  query: string,
  options: { selfId?: string; limit?: number } = {},
): WireMember[] {
  const wanted = fold(query);
  const ranked: { member: WireMember; rank: number }[] = [];
  for (const member of members) {
    if (member.userId === options.selfId) continue;
    const name = fold(member.name);
    const rank = name.startsWith(wanted)
      ? 0
      : name.split(/\s+/).some((part) => part.startsWith(wanted))
        ? 1
        : fold(member.email).startsWith(wanted)
          ? 2
          : -1;
    if (rank >= 0) ranked.push({ member, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.member.name.localeCompare(b.member.name));
  return ranked.slice(0, options.limit ?? 8).map((entry) => entry.member);
}

/** The text with the typed "@…" replaced by "@Full Name " and where the caret goes after it. */
export function insertMention(text: string, mention: MentionQuery, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  const after = text.slice(mention.end);
  // A space already there after the caret does the inserted one's work.
  const rest = after.startsWith(" ") ? after.slice(1) : after;
  return { text: text.slice(0, mention.start) + inserted + rest, caret: mention.start + inserted.length };
}
