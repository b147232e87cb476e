// The board's triage keys (issue 19), one entry per key: what it does and how the key dialog names it.
// The handlers live in use-triage-keys.ts as a Record over the actions, so a key without one does not compile.

export type TriageAction = "next-unread" | "previous-unread" | "reply" | "resolve" | "search" | "help";

export type TriageKey = { key: string; action: TriageAction; description: string };

export const TRIAGE_KEYS: readonly TriageKey[] = [
  { key: "j", action: "next-unread", description: "Next unread thread" },
  { key: "k", action: "previous-unread", description: "Previous unread thread" },
  { key: "r", action: "reply", description: "Reply in the current thread" },
  { key: "e", action: "resolve", description: "Resolve or reopen the current thread" },
  { key: "/", action: "search", description: "Search this board" },
  { key: "?", action: "help", description: "Show these keys" },
];

const BY_KEY = new Map(TRIAGE_KEYS.map((entry) => [entry.key, entry.action]));

/** What a key press asks for; null when it is not a triage key or the analyst is typing. */
export function triageActionOf(press: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}): TriageAction | null {
  // Shift is allowed: "?" is Shift+/ on most layouts.
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (isTypingTarget(press.target)) return null;
  return BY_KEY.get(press.key) ?? null;
}

const TYPED_INPUT = /^(text|search|email|url|tel|password|number|date|datetime-local|month|time|week)$/;

/** Keys typed into a field, a text area or editable text belong to the text, not to triage. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof target !== "object" || !("tagName" in target)) return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag !== "input") return false;
  return TYPED_INPUT.test(((element as HTMLInputElement).type || "text").toLowerCase());
}
