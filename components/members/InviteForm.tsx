"use client";
// Invites by email: an existing account joins at once; an unknown address keeps an invitation that
// turns into membership when it signs up.
import { useState } from "react";
import { BOARD_ROLES, type WireInvitation, type WireMember } from "@/lib/schemas/board";
import { apiRequest, describeFailure } from "../ui/api-request";
import { Problem } from "../ui/Problem";

type InviteAnswer = { status: "added"; member: WireMember } | { status: "invited"; invitation: WireInvitation };

export function InviteForm({ slug, onChanged }: { slug: string; onChanged: () => Promise<void> }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setBusy(true);
    setProblem(null);
    setOutcome(null);
    const answer = await apiRequest<InviteAnswer>(`/api/boards/${encodeURIComponent(slug)}/members`, {
      method: "POST",
      body: { email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") },
    });
    if (answer.ok) {
      formElement.reset();
      setOutcome(describeInvite(answer.body));
      await onChanged();
    } else {
      setProblem(describeFailure(answer.error));
    }
    setBusy(false);
  };

  return (
    <form className="invite-form" onSubmit={onSubmit} data-testid="invite-form">
      <label className="invite-email">
        Email
        <input name="email" type="email" autoComplete="off" required maxLength={254} />
      </label>
      <label>
        Role
        <select name="role" defaultValue="viewer">
          {BOARD_ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy}>
        {busy ? "Inviting…" : "Invite"}
      </button>
      <p className="invite-outcome" role="status">
        {outcome}
      </p>
      <Problem message={problem} />
    </form>
  );
}

function describeInvite(answer: InviteAnswer): string {
  if (answer.status === "added") {
    const { member } = answer;
    return `${member.name} (${member.email}) had an account and was added at once as ${member.role}.`;
  }
  const { invitation } = answer;
  return `${invitation.email} has no account yet: the invitation (${invitation.role}) is kept until they sign up at /sign-up.`;
}
