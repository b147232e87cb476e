"use client";
// The board's members. Those who manage members change roles and remove people here; everyone else
// sees the list read-only. The server keeps the last owner in place (409) and says so.
import { useState } from "react";
import { BOARD_ROLES, type BoardRole, type WireMember } from "@/lib/schemas/board";
import { apiRequest, describeFailure } from "../ui/api-request";
import { Problem } from "../ui/Problem";

type Props = {
  slug: string;
  members: WireMember[];
  manages: boolean;
  viewerId: string | null;
  onChanged: () => Promise<void>;
};

export function MemberTable({ slug, members, manages, viewerId, onChanged }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Bumped after every attempt so role pickers show the stored role again, also after a refusal.
  const [revision, setRevision] = useState(0);

  const change = async (request: () => ReturnType<typeof apiRequest>) => {
    setBusy(true);
    setProblem(null);
    const outcome = await request();
    if (!outcome.ok) setProblem(describeFailure(outcome.error));
    await onChanged();
    setRevision((value) => value + 1);
    setBusy(false);
  };

  const path = (member: WireMember) =>
    `/api/boards/${encodeURIComponent(slug)}/members/${encodeURIComponent(member.userId)}`;

  const saveRole = (member: WireMember, role: BoardRole) => {
    const self = member.userId === viewerId;
    if (self && role !== "owner" && !window.confirm(`Make yourself ${role}? You will no longer manage this board.`)) {
      return;
    }
    void change(() => apiRequest(path(member), { method: "PATCH", body: { role } }));
  };

  const remove = (member: WireMember) => {
    const question =
      member.userId === viewerId
        ? "Leave this board? You will lose access to it."
        : `Remove ${member.name} (${member.email}) from this board?`;
    if (!window.confirm(question)) return;
    void change(() => apiRequest(path(member), { method: "DELETE" }));
  };

  return (
    <>
      <table className="member-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            {manages ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId} data-testid="member-row">
              <td>
                {member.name}
                {member.userId === viewerId ? <span className="muted"> (you)</span> : null}
              </td>
              <td className="member-email">{member.email}</td>
              {manages ? (
                <RoleCell key={`${member.role}-${revision}`} member={member} busy={busy} onSave={saveRole} />
              ) : (
                <td className="role-cell">{member.role}</td>
              )}
              {manages ? (
                <td className="member-actions">
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => remove(member)}
                    aria-label={`Remove ${member.name}`}
                  >
                    Remove
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <Problem message={problem} />
    </>
  );
}

/** A role picker that changes nothing until "Save role": arrow keys on a select must not fire requests. */
function RoleCell(props: { member: WireMember; busy: boolean; onSave: (member: WireMember, role: BoardRole) => void }) {
  const { member, busy, onSave } = props;
  const [draft, setDraft] = useState<BoardRole>(member.role);
  return (
    <td className="role-cell">
      <select
        value={draft}
        onChange={(event) => setDraft(event.target.value as BoardRole)}
        aria-label={`Role of ${member.name}`}
        disabled={busy}
      >
        {BOARD_ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
      {draft !== member.role ? (
        <>
          <button type="button" className="primary-button" disabled={busy} onClick={() => onSave(member, draft)}>
            Save role<span className="visually-hidden"> of {member.name}</span>
          </button>
          <button type="button" className="link-button" onClick={() => setDraft(member.role)}>
            Cancel
          </button>
        </>
      ) : null}
    </td>
  );
}
