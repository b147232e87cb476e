// The triage keys on the board page (key-map.ts says which key is which): one handler per action, so a
// key without a handler is a compile error. Keys typed into a field are left to the field.
import { useEffect, useRef } from "react";
import { type TriageAction, triageActionOf } from "./key-map";

export function useTriageKeys(handlers: Record<TriageAction, () => void>) {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const pressed = (event: KeyboardEvent) => {
      // A modal dialog (this one's key list, the deck dialog) has the keyboard to itself.
      if (event.defaultPrevented || document.querySelector("dialog[open]")) return;
      const action = triageActionOf(event);
      if (!action) return;
      // The key is ours: "r" must not be typed into the reply box it focuses, "/" not into the search.
      event.preventDefault();
      current.current[action]();
    };
    document.addEventListener("keydown", pressed);
    return () => document.removeEventListener("keydown", pressed);
  }, []);
}
