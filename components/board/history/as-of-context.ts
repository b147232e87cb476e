"use client";
// The instant the board page shows (null: live), for the pieces deep in the page that pass it on, as the
// Export menu and the deck dialog do, without threading it through every panel.
import { createContext, useContext } from "react";

export const AsOfContext = createContext<string | null>(null);

export function useAsOf(): string | null {
  return useContext(AsOfContext);
}
