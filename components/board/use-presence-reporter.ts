"use client";
// Tells the board what this tab is looking at and where it is typing. Presence is ephemeral, so a
// lost update is simply overtaken by the next one; it is sent again each time the board goes live.
import { useCallback, useEffect, useRef } from "react";
import type { PresenceFocus } from "@/lib/events";
import type { BoardSend } from "./use-live-board";

export function usePresenceReporter(boardId: string, send: BoardSend, liveEpoch: number) {
  const state = useRef<{ focus: PresenceFocus | null; typingIn: string | null }>({ focus: null, typingIn: null });
  const report = useCallback(() => void send("presence:update", { boardId, ...state.current }), [boardId, send]);

  useEffect(() => {
    if (liveEpoch > 0 && (state.current.focus || state.current.typingIn)) report();
  }, [liveEpoch, report]);

  const setFocus = useCallback(
    (focus: PresenceFocus | null) => {
      if (state.current.focus?.type === focus?.type && state.current.focus?.id === focus?.id) return;
      state.current = { ...state.current, focus };
      report();
    },
    [report],
  );
  const setTyping = useCallback(
    (typingIn: string | null) => {
      if (typingIn === null && state.current.typingIn === null) return;
      state.current = { ...state.current, typingIn };
      report();
    },
    [report],
  );
  return { setFocus, setTyping };
}
