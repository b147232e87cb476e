"use client";
// Adds a source, or edits one: title, publisher, when it was published (UTC), link, reliability, text.
// The snapshot does not carry a source's link or text, so an edit sends them only when filled in.
import { useState } from "react";
import type { WireSource } from "@/lib/schemas/board";
import { LIMITS } from "@/lib/schemas/common";
import type { TSourceCreateInput } from "@/lib/schemas/content";
import { fromUtcInput, toUtcInput } from "@/lib/time";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import type { BoardSend } from "../use-live-board";

const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;
type Reliability = (typeof RELIABILITY)[number];
type SourceFields = Omit<TSourceCreateInput, "id" | "boardId">;

type Props = { boardId: string; send: BoardSend; source?: WireSource; onDone: () => void };

export function SourceForm({ boardId, send, source, onDone }: Props) {
  const [title, setTitle] = useState(source?.title ?? "");
  const [publisher, setPublisher] = useState(source?.publisher ?? "");
  const initialPublishedAt = source?.publishedAt ? toUtcInput(source.publishedAt) : "";
  const [publishedAt, setPublishedAt] = useState(initialPublishedAt);
  const [url, setUrl] = useState("");
  const [reliability, setReliability] = useState((source?.reliability ?? "") as Reliability | "");
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (formEvent: React.FormEvent) => {
    formEvent.preventDefault();
    if (!source) {
      const result = await send("source:create", {
        id: crypto.randomUUID(),
        boardId,
        title,
        publisher,
        publishedAt: fromUtcInput(publishedAt),
        url: url.trim() || null,
        reliability: reliability || null,
        text,
      });
      if (result.ok) onDone();
      else setProblem(describeFailure(result.error));
      return;
    }
    // Only what differs goes on the wire, so saving does not undo a colleague's change to another field.
    const changes: Partial<SourceFields> = {};
    if (title !== source.title) changes.title = title;
    if (publisher !== source.publisher) changes.publisher = publisher;
    if (publishedAt !== initialPublishedAt) changes.publishedAt = fromUtcInput(publishedAt);
    if ((reliability || null) !== source.reliability) changes.reliability = reliability || null;
    if (url.trim()) changes.url = url.trim();
    // The server refuses an update that changes nothing, and there is nothing to save.
    if (!Object.keys(changes).length && !text.trim()) return onDone();
    if (Object.keys(changes).length) {
      const result = await send("source:update", { id: source.id, boardId, ...changes });
      if (!result.ok) return setProblem(describeFailure(result.error));
    }
    // New text is the next version of the source's document (issue 14), not a field of the source.
    if (text.trim()) {
      const revised = await send("source:revise", {
        id: source.id,
        boardId,
        text,
        basedOnVersion: source.currentVersion,
      });
      if (!revised.ok) return setProblem(describeFailure(revised.error));
    }
    onDone();
  };

  const keepHint = source ? "unchanged unless filled in" : undefined;
  return (
    <form className="content-form" onSubmit={submit} aria-label={source ? `Edit source ${source.title}` : "Add source"}>
      <label>
        Title <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
      </label>
      <div className="form-row">
        <label>
          Publisher <input value={publisher} onChange={(e) => setPublisher(e.target.value)} maxLength={200} />
        </label>
        <label>
          Published (UTC){" "}
          <input type="datetime-local" value={publishedAt} onChange={(e) => setPublishedAt(e.target.value)} />
        </label>
      </div>
      <div className="form-row">
        <label>
          URL{" "}
          <input
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            maxLength={2000}
            placeholder={keepHint ?? "https://…"}
          />
        </label>
        <label>
          Reliability
          <select value={reliability} onChange={(e) => setReliability(e.target.value as Reliability | "")}>
            <option value="">?</option>
            {RELIABILITY.map((grade) => (
              <option key={grade}>{grade}</option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Text{" "}
        <textarea
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={LIMITS.documentText}
          placeholder={keepHint}
        />
      </label>
      <div className="form-row">
        <button type="submit">{source ? "Save source" : "Add source"}</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <Problem message={problem} />
    </form>
  );
}
