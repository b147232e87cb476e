// Avatars of the analysts who have the board open right now, with what each is looking at.
import type { BoardState } from "@/lib/board-state";
import type { PresenceFocus, PresenceMember } from "@/lib/events";

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

function describeFocus(focus: PresenceFocus | null, board: BoardState | undefined): string | null {
  if (!focus || !board) return null;
  if (focus.type === "event") return board.events.byId.get(focus.id)?.title ?? "an event";
  if (focus.type === "indicator") return board.indicators.byId.get(focus.id)?.name ?? "an indicator";
  if (focus.type === "source") return `the document ${board.sources.byId.get(focus.id)?.title ?? "of a source"}`;
  const thread = board.annotations.byId.get(focus.id);
  return thread ? `${thread.author.name}'s ${thread.kind}` : "a thread";
}

export function PresenceBar({ members, board }: { members: PresenceMember[]; board: BoardState | undefined }) {
  return (
    <ul className="presence" aria-label="Analysts on this board" data-testid="presence">
      {members.map((member) => {
        const looking = describeFocus(member.focus, board);
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
