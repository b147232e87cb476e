"use client";
// A thread's unread count, on the thread in the list (issue 19).
import type { ThreadUnread } from "./unread";

export function UnreadBadge({ entry }: { entry: ThreadUnread | undefined }) {
  if (!entry) return null;
  const what = `${entry.count} unread${entry.mentionsYou ? ", names you" : ""}`;
  return (
    <span
      className={`unread-badge${entry.mentionsYou ? " unread-mention" : ""}`}
      data-testid="unread-badge"
      title={what}
    >
      <span aria-hidden="true">
        {entry.count}
        {entry.mentionsYou ? " @" : ""}
      </span>
      <span className="visually-hidden">{what}</span>
    </span>
  );
}
