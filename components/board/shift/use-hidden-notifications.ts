// Browser notifications while the tab is hidden (issue 19): a mention of the analyst or a crossed
// threshold, never the analyst's own writes. Off until turned on; permission is asked only then, and the
// choice is remembered in this browser.
import { useCallback, useEffect, useRef, useState } from "react";
import type { WireWarning } from "@/lib/events";
import type { WireOp } from "@/lib/ops";
import { quoteOf } from "./note-words";

export const NOTIFY_STORAGE_KEY = "watchfloor.notifyWhenHidden";

const numberFormat = new Intl.NumberFormat("en-GB");

/** Turned on, the tab hidden, and the browser still allows it (the analyst may revoke it meanwhile). */
function shouldNotify(enabled: boolean): boolean {
  return (
    enabled &&
    document.visibilityState === "hidden" &&
    "Notification" in window &&
    Notification.permission === "granted"
  );
}

export function useHiddenNotifications({ userId, warnings }: { userId: string | undefined; warnings: WireWarning[] }) {
  const [enabled, setEnabled] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const on = useRef(false);
  on.current = enabled;

  useEffect(() => {
    const stored = window.localStorage.getItem(NOTIFY_STORAGE_KEY) === "on";
    setEnabled(stored && "Notification" in window && Notification.permission === "granted");
  }, []);

  const toggle = useCallback(async () => {
    if (on.current) {
      window.localStorage.setItem(NOTIFY_STORAGE_KEY, "off");
      setEnabled(false);
      return;
    }
    if (!("Notification" in window)) return setProblem("This browser cannot show notifications.");
    const permission = Notification.permission === "granted" ? "granted" : await Notification.requestPermission();
    if (permission !== "granted") return setProblem("Notifications are blocked for this site in the browser.");
    window.localStorage.setItem(NOTIFY_STORAGE_KEY, "on");
    setProblem(null);
    setEnabled(true);
  }, []);

  const notifyOps = useCallback(
    (ops: readonly WireOp[]) => {
      if (!userId || !shouldNotify(on.current)) return;
      for (const op of ops) {
        if (op.type !== "annotation.created") continue;
        const note = op.data;
        if (note.author.id === userId || !note.mentions.some((person) => person.id === userId)) continue;
        new Notification(`${note.author.name} mentioned you`, { body: quoteOf(note.body), tag: note.id });
      }
    },
    [userId],
  );

  // Warnings arrive as a growing list (dismissed ones leave it): each is looked at once.
  const told = useRef(new Set<string>());
  useEffect(() => {
    for (const warning of warnings) {
      if (told.current.has(warning.annotationId)) continue;
      told.current.add(warning.annotationId);
      if (!userId || warning.enteredBy.id === userId || !shouldNotify(on.current)) continue;
      new Notification(`${warning.indicatorName} ${warning.direction} ${numberFormat.format(warning.threshold)}`, {
        body: `${numberFormat.format(warning.observation.value)} ${warning.unit}, entered by ${warning.enteredBy.name}`,
        tag: warning.annotationId,
      });
    }
  }, [warnings, userId]);

  return { enabled, problem, toggle, notifyOps };
}
