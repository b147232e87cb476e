"use client";
// "?": the triage keys in a modal dialog (Escape or Close shuts it; the focus goes back where it was).
import { useEffect, useRef } from "react";
import { TRIAGE_KEYS } from "./key-map";

export function KeyHelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="key-dialog" aria-labelledby="key-dialog-title" onClose={onClose}>
      <h2 id="key-dialog-title">Keyboard</h2>
      <dl className="key-list">
        {TRIAGE_KEYS.map((entry) => (
          <div key={entry.key} className="key-row">
            <dt>
              <kbd>{entry.key}</kbd>
            </dt>
            <dd>{entry.description}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">Keys do nothing while you type in a field. Escape closes this list.</p>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
