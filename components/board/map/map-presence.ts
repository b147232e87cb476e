// Which colleagues look at which event, for the map's markers. Presence arrives as a new list whenever anyone
// types or moves, so the answer keeps its identity while who-looks-at-what stays the same: the map redraws
// when a colleague's focus moves between events, not at each keystroke of someone's reply.
import { useMemo, useRef } from "react";
import type { PresenceMember } from "@/lib/events";

/** Event id → names of the others focused on it, each list in presence order. */
export function watchersByEvent(members: readonly PresenceMember[], selfId: string | undefined): Map<string, string[]> {
  const byEvent = new Map<string, string[]>();
  for (const member of members) {
    if (member.userId === selfId || member.focus?.type !== "event") continue;
    const names = byEvent.get(member.focus.id) ?? [];
    names.push(member.name);
    byEvent.set(member.focus.id, names);
  }
  return byEvent;
}

export function sameWatchers(left: ReadonlyMap<string, string[]>, right: ReadonlyMap<string, string[]>): boolean {
  if (left.size !== right.size) return false;
  for (const [eventId, names] of left) {
    const other = right.get(eventId);
    if (!other || other.length !== names.length || names.some((name, index) => other[index] !== name)) return false;
  }
  return true;
}

/** watchersByEvent, answering the previous map while its contents have not changed. */
export function useWatchersByEvent(
  members: readonly PresenceMember[],
  selfId: string | undefined,
): ReadonlyMap<string, string[]> {
  const kept = useRef<Map<string, string[]> | null>(null);
  return useMemo(() => {
    const next = watchersByEvent(members, selfId);
    if (kept.current && sameWatchers(kept.current, next)) return kept.current;
    kept.current = next;
    return next;
  }, [members, selfId]);
}
