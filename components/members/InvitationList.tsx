"use client";
// Invitations waiting for their address to sign up; an owner may withdraw one.
import { useState } from "react";
import type { WireInvitation } from "@/lib/schemas/board";
import { apiRequest, describeFailure } from "../ui/api-request";
import { Problem } from "../ui/Problem";
import { UtcTime } from "../ui/UtcTime";

type Props = { slug: string; invitations: WireInvitation[]; onChanged: () => Promise<void> };

export function InvitationList({ slug, invitations, onChanged }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const withdraw = async (invitation: WireInvitation) => {
    setBusy(true);
    setProblem(null);
    const outcome = await apiRequest(
      `/api/boards/${encodeURIComponent(slug)}/invitations/${encodeURIComponent(invitation.email)}`,
      { method: "DELETE" },
    );
    if (!outcome.ok) setProblem(describeFailure(outcome.error));
    await onChanged();
    setBusy(false);
  };

  return (
    <div className="invitations">
      <h3>Pending invitations</h3>
      {invitations.length ? (
        <ul className="invitation-list" data-testid="invitation-list">
          {invitations.map((invitation) => (
            <li key={invitation.email} data-testid="invitation">
              <span className="member-email">{invitation.email}</span>
              <span className="role">{invitation.role}</span>
              <span className="muted">
                invited <UtcTime iso={invitation.createdAt} />
              </span>
              <span className="spacer" />
              <button
                type="button"
                disabled={busy}
                onClick={() => void withdraw(invitation)}
                aria-label={`Withdraw the invitation for ${invitation.email}`}
              >
                Withdraw
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted invitations-empty">None.</p>
      )}
      <Problem message={problem} />
    </div>
  );
}
