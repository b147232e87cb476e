"use client";
// The sources that hold a document, each with who is reading it now; choosing one opens it in the pane.
// Editors also see the sources without one, to give them a document by pasting text or uploading a file.
import type { PresenceMember } from "@/lib/events";
import type { WireSource } from "@/lib/schemas/board";
import styles from "./document.module.css";

type Props = {
  sources: WireSource[];
  presence: PresenceMember[];
  canEdit: boolean;
  open: string | null;
  onOpen: (sourceId: string | null) => void;
};

export function DocumentPicker({ sources, presence, canEdit, open, onOpen }: Props) {
  const listed = sources.filter((source) => source.currentVersion > 0 || canEdit);
  return (
    <section className="panel documents" aria-labelledby="documents-title" data-testid="documents">
      <h2 id="documents-title">Documents</h2>
      {listed.length ? null : <p className="muted">No source holds a document yet.</p>}
      <ul className="source-list">
        {listed.map((source) => {
          const readers = presence.filter((member) => member.focus?.type === "source" && member.focus.id === source.id);
          const isOpen = open === source.id;
          const action = isOpen ? "Close" : source.currentVersion > 0 ? "Read" : "Add a document to";
          return (
            <li key={source.id} className="source" data-testid="document-choice">
              <button
                type="button"
                className={`link-button ${styles.choice}`}
                aria-pressed={isOpen}
                onClick={() => onOpen(isOpen ? null : source.id)}
              >
                {action} {source.title}
              </button>{" "}
              {source.currentVersion > 0 ? <span className="muted">v{source.currentVersion}</span> : null}
              {readers.length ? (
                <span className="muted"> · read by {readers.map((reader) => reader.name).join(", ")}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
