// The triage keys (issue 19): one action per key, nothing while the analyst types or holds a modifier.
import { describe, expect, it } from "vitest";
import { isTypingTarget, TRIAGE_KEYS, triageActionOf } from "@/components/board/shift/key-map";

const element = (tagName: string, extra: Record<string, unknown> = {}) =>
  ({ tagName, isContentEditable: false, ...extra }) as unknown as EventTarget;
const press = (
  key: string,
  target: EventTarget | null = element("BODY"),
  modifiers: Partial<Record<"ctrlKey" | "metaKey" | "altKey", boolean>> = {},
) => triageActionOf({ key, target, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });

describe("triage keys", () => {
  it("maps each key to its action", () => {
    expect(press("j")).toBe("next-unread");
    expect(press("k")).toBe("previous-unread");
    expect(press("r")).toBe("reply");
    expect(press("e")).toBe("resolve");
    expect(press("/")).toBe("search");
    expect(press("?")).toBe("help");
    expect(press("x")).toBeNull();
  });

  it("lists every key once", () => {
    const keys = TRIAGE_KEYS.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(TRIAGE_KEYS.map((entry) => entry.action)).size).toBe(keys.length);
  });

  it("leaves keys typed into fields, text areas and editable text to them", () => {
    expect(press("j", element("INPUT", { type: "text" }))).toBeNull();
    expect(press("r", element("INPUT", { type: "search" }))).toBeNull();
    expect(press("e", element("TEXTAREA"))).toBeNull();
    expect(press("j", element("DIV", { isContentEditable: true }))).toBeNull();
    expect(press("k", element("SELECT"))).toBeNull();
  });

  it("still acts on a checkbox or a button that has the focus", () => {
    expect(isTypingTarget(element("INPUT", { type: "checkbox" }))).toBe(false);
    expect(press("j", element("BUTTON"))).toBe("next-unread");
  });

  it("ignores a key held with Ctrl, Cmd or Alt (the browser's own shortcuts)", () => {
    expect(press("r", element("BODY"), { ctrlKey: true })).toBeNull();
    expect(press("j", element("BODY"), { metaKey: true })).toBeNull();
    expect(press("e", element("BODY"), { altKey: true })).toBeNull();
  });
});
