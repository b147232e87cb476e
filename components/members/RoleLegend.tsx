// What each board role may do, as lib/permissions.ts and the board view grant it.
import { BOARD_ROLES, type BoardRole } from "@/lib/schemas/board";

const ROLE_MEANINGS: Record<BoardRole, string> = {
  owner: "manage members and the board",
  editor: "events, indicators, observations, annotations",
  commenter: "annotate and reply only",
  viewer: "read only",
};

export function RoleLegend() {
  return (
    <div className="role-legend">
      <h3>Roles</h3>
      <dl>
        {BOARD_ROLES.map((role) => (
          <div key={role}>
            <dt>{role}</dt>
            <dd>{ROLE_MEANINGS[role]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
