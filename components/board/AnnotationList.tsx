// The board's annotations, newest first: who, when (UTC), on what, and what they said (as text).
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { UtcTime } from "../ui/UtcTime";
import { describeTarget } from "./targets";

export function AnnotationList({ annotations, snapshot }: { annotations: WireAnnotation[]; snapshot: BoardSnapshot }) {
  const newestFirst = [...annotations].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (!newestFirst.length) return <p className="muted">No annotations yet.</p>;
  return (
    <ol className="annotation-list" aria-label="Annotations">
      {newestFirst.map((annotation) => (
        <li key={annotation.id} className={`annotation annotation-${annotation.kind}`} data-testid="annotation">
          <div className="annotation-head">
            <span className={`kind kind-${annotation.kind}`}>{annotation.kind}</span>
            {annotation.confidence ? <span className="confidence">{annotation.confidence} confidence</span> : null}
            <span className="author">{annotation.author.name}</span>
            <UtcTime iso={annotation.createdAt} />
          </div>
          <div className="annotation-target">on {describeTarget(annotation.target, snapshot)}</div>
          <p className="annotation-body">{annotation.body}</p>
          {annotation.tags.length ? (
            <ul className="tags" aria-label="Tags">
              {annotation.tags.map((tag) => (
                <li key={tag} className="tag">
                  {tag}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
