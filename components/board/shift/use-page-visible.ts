// Whether the page is in front of the analyst (Page Visibility API): a hidden background tab is not reading.
import { useSyncExternalStore } from "react";

const subscribe = (onChange: () => void) => {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
};

export const pageVisibleNow = () => document.visibilityState === "visible";

export function usePageVisible(): boolean {
  // The server renders the page as visible: it has no tab to hide.
  return useSyncExternalStore(subscribe, pageVisibleNow, () => true);
}
