// Avatars of the analysts who have the board open right now, with what each is looking at.
import type { PresenceFocus, PresenceMember } from "@/lib/events";
import type { BoardSnapshot } from "@/lib/schemas/board";

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

function describeFocus(focus: PresenceFocus | null, snapshot: BoardSnapshot | undefined): string | null {
  if (!focus || !snapshot) return null;
  if (focus.type === "event") return snapshot.events.find((event) => event.id === focus.id)?.title ?? "an event";
  if (focus.type === "indicator")
    return snapshot.indicators.find((indicator) => indicator.id === focus.id)?.name ?? "an indicator";
  const thread = snapshot.annotations.find((annotation) => annotation.id === focus.id);
  return thread ? `${thread.author.name}'s ${thread.kind}` : "a thread";
}

export function PresenceBar({ members, snapshot }: { members: PresenceMember[]; snapshot: BoardSnapshot | undefined }) {
  return (
    <ul className="presence" aria-label="Analysts on this board" data-testid="presence">
      {members.map((member) => {
        const looking = describeFocus(member.focus, snapshot);
        const status = `${member.name}${looking ? ` is looking at ${looking}` : " is on this board"}${member.typingIn ? ", typing a reply" : ""}`;
        return (
          <li key={member.userId} className={`avatar${member.typingIn ? " avatar-typing" : ""}`} title={status}>
            <span aria-hidden="true">{initialsOf(member.name)}</span>
            <span className="visually-hidden">{status}</span>
          </li>
        );
      })}
    </ul>
  );
}
