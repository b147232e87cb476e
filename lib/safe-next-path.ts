// Where to go after signing in: only a path on this site, so a crafted link cannot send the analyst away.
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}
