// Avatars of the analysts who have the board open right now.
import type { PresenceMember } from "@/lib/events";

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

export function PresenceBar({ members }: { members: PresenceMember[] }) {
  return (
    <ul className="presence" aria-label="Analysts on this board" data-testid="presence">
      {members.map((member) => (
        <li key={member.userId} className="avatar" title={`${member.name} is on this board`}>
          <span aria-hidden="true">{initialsOf(member.name)}</span>
          <span className="visually-hidden">{member.name}</span>
        </li>
      ))}
    </ul>
  );
}
