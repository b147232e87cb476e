"use client";
// What has happened on the board, newest first, in sentences: the recent log fetched once on mount, then
// the ops that arrive live. Both can hold the same op (one that arrived while the fetch was under way),
// so they are merged by seq. Each sentence looks its names up in the live state's maps; a row is redrawn
// only when its sentence changes.
import { memo, useEffect, useId, useMemo, useState } from "react";
import { type ActivityItem, authorNameOnBoard, describeActivity, memberOnBoard } from "@/lib/activity-text";
import type { BoardState } from "@/lib/board-state";
import type { WireOp } from "@/lib/ops";
import { apiRequest, describeFailure } from "../ui/api-request";
import { Problem } from "../ui/Problem";
import { UtcTime } from "../ui/UtcTime";

/** As many as the server's activity endpoint returns: the feed is a glance, not the archive. */
const SHOWN_ITEMS = 50;

export function ActivityFeed({ slug, board, liveOps }: { slug: string; board: BoardState; liveOps: WireOp[] }) {
  const [fetched, setFetched] = useState<ActivityItem[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(true);
  const titleId = useId();
  const listId = useId();

  useEffect(() => {
    let current = true;
    void apiRequest<{ activity: ActivityItem[] }>(`/api/boards/${encodeURIComponent(slug)}/activity`).then(
      (outcome) => {
        if (!current) return;
        if (outcome.ok) setFetched(outcome.body.activity);
        else setProblem(`The activity could not be loaded. ${describeFailure(outcome.error)}`);
      },
    );
    return () => {
      current = false;
    };
  }, [slug]);

  const items = useMemo(() => mergeBySeq(fetched ?? [], liveOps, board), [fetched, liveOps, board]);
  const shown = items.slice(0, SHOWN_ITEMS);

  return (
    <section className="activity" aria-labelledby={titleId}>
      <h2 id={titleId}>
        <button
          type="button"
          className="activity-toggle"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded((open) => !open)}
        >
          Activity
        </button>
      </h2>
      <div id={listId} hidden={!expanded}>
        <Problem message={problem} />
        {shown.length ? (
          <ol className="activity-list">
            {shown.map((item) => (
              <ActivityRow key={item.seq} at={item.at} sentence={describeActivity(item, board, items)} />
            ))}
          </ol>
        ) : problem ? null : (
          <p className="muted activity-empty">{fetched ? "Nothing has happened on this board yet." : "Loading…"}</p>
        )}
      </div>
    </section>
  );
}

const ActivityRow = memo(function ActivityRow({ at, sentence }: { at: string; sentence: string }) {
  return (
    <li className="activity-item" data-testid="activity-item">
      <UtcTime iso={at} /> <span>{sentence}</span>
    </li>
  );
});

/** Newest first. A live op is named from the board; the server's name wins when both have the op. */
function mergeBySeq(fetched: ActivityItem[], liveOps: WireOp[], board: BoardState): ActivityItem[] {
  const bySeq = new Map<number, ActivityItem>();
  for (const op of liveOps) bySeq.set(op.seq, { ...op, actorName: nameOnBoard(op.actorId, board) });
  for (const item of fetched) bySeq.set(item.seq, item);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
}

/** A member, or someone since removed who is still named as an author. */
function nameOnBoard(userId: string | null, board: BoardState): string | null {
  if (userId === null) return null;
  return memberOnBoard(board, userId)?.name ?? authorNameOnBoard(board, userId) ?? null;
}
