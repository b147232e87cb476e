"use client";
// "For you": annotations on this board that name the analyst, with an unread count that lives on the
// server (so it survives reloads and other devices). Refreshed when a live op mentions them.
import { useCallback, useEffect, useState } from "react";
import type { WireOp } from "@/lib/ops";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import { apiRequest } from "../ui/api-request";
import { UtcTime } from "../ui/UtcTime";

type Mention = { annotation: WireAnnotation; readAt: string | null };

export function MentionsPanel({
  slug,
  userId,
  liveOps,
}: {
  slug: string;
  userId: string | undefined;
  liveOps: WireOp[];
}) {
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);

  const load = useCallback(async () => {
    const result = await apiRequest<{ mentions: Mention[]; unread: number }>(`/api/boards/${slug}/mentions`);
    if (!result.ok) return;
    setMentions(result.body.mentions);
    setUnread(result.body.unread);
  }, [slug]);

  useEffect(() => {
    void load();
  }, [load]);

  const latest = liveOps.at(-1);
  useEffect(() => {
    if (!latest || !userId) return;
    const data = latest.data as Partial<WireAnnotation>;
    if (data.mentions?.some((person) => person.id === userId)) void load();
  }, [latest, userId, load]);

  const toggle = async () => {
    const opening = !open;
    setOpen(opening);
    if (opening && unread > 0) {
      const result = await apiRequest<{ unread: number }>(`/api/boards/${slug}/mentions/read`, {
        method: "POST",
        body: {},
      });
      if (result.ok) setUnread(result.body.unread);
    }
  };

  return (
    <div className="mentions">
      <button type="button" onClick={() => void toggle()} aria-expanded={open} data-testid="for-you">
        For you{unread ? <span className="badge">{unread}</span> : null}
      </button>
      {open ? (
        <section className="mentions-list" aria-label="Mentions of you">
          {mentions.length ? (
            <ol>
              {mentions.map(({ annotation, readAt }) => (
                <li key={annotation.id} className={readAt ? "" : "unread"}>
                  <span className="author">{annotation.author.name}</span> <UtcTime iso={annotation.createdAt} />
                  <p className="annotation-body">{annotation.body}</p>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">Nobody has mentioned you here yet. Colleagues write @ and your full name.</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
