"use client";
// Notes whose passage the current version no longer holds, with the quote each was written on. An analyst
// picks one, selects where that passage now is, and attaches it there (annotation:attach).
import type { WireAnnotation } from "@/lib/schemas/annotation";
import styles from "./document.module.css";
import { passageTargetOf, shortQuote } from "./passages";

type Props = {
  orphans: WireAnnotation[];
  version: number;
  canAttach: (annotation: WireAnnotation) => boolean;
  attaching: string | null;
  onChooseToAttach: (annotation: WireAnnotation | null) => void;
  onOpen: (id: string) => void;
};

export function OrphanList({ orphans, version, canAttach, attaching, onChooseToAttach, onOpen }: Props) {
  if (!orphans.length) return null;
  const count = orphans.length === 1 ? "1 note lost its passage" : `${orphans.length} notes lost their passage`;
  return (
    <section className={styles.orphans} aria-label="Notes without a passage" data-testid="orphans">
      <strong>
        {count} in version {version}
      </strong>
      <ul>
        {orphans.map((orphan) => {
          const quote = passageTargetOf(orphan)?.exact ?? "";
          const chosen = attaching === orphan.id;
          return (
            <li key={orphan.id} data-testid="orphan" className={chosen ? styles.chosen : undefined}>
              <span className={styles.quote}>{shortQuote(quote, 120)}</span> — {orphan.author.name}&apos;s {orphan.kind}{" "}
              <button type="button" className="link-button" onClick={() => onOpen(orphan.id)}>
                open
              </button>{" "}
              {canAttach(orphan) ? (
                <button type="button" className="link-button" onClick={() => onChooseToAttach(chosen ? null : orphan)}>
                  {chosen ? "cancel" : "attach to a new passage…"}
                </button>
              ) : null}
              {chosen ? <div className="muted">Select the passage in the text, then “Attach here”.</div> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
