"use client";
// Loads a board, its members and (for owners) pending invitations; shows only what the viewer's role
// may do (lib/permissions.ts) and reloads everything after each change.
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import type { WireError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { BoardSummary, WireInvitation, WireMember } from "@/lib/schemas/board";
import { AppHeader } from "../ui/AppHeader";
import { apiRequest, describeFailure } from "../ui/api-request";
import { Problem } from "../ui/Problem";
import { useSessionUser } from "../ui/use-session-user";
import { BoardSettings } from "./BoardSettings";
import { InvitationList } from "./InvitationList";
import { InviteForm } from "./InviteForm";
import { MemberTable } from "./MemberTable";
import { RoleLegend } from "./RoleLegend";

type Loaded = { board: BoardSummary; members: WireMember[]; invitations: WireInvitation[] };

export function MembersPage({ slug }: { slug: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const viewerId = useSessionUser()?.id ?? null;
  const base = `/api/boards/${encodeURIComponent(slug)}`;

  const reload = useCallback(async () => {
    const [board, members] = await Promise.all([
      apiRequest<{ board: BoardSummary }>(base),
      apiRequest<{ members: WireMember[]; invitations: WireInvitation[] }>(`${base}/members`),
    ]);
    const fail = (failure: { status: number; error: WireError }) => {
      setLoaded(null);
      setProblem(failure.status === 404 ? "No such board" : describeFailure(failure.error));
    };
    if (!board.ok) return fail(board);
    if (!members.ok) return fail(members);
    setProblem(null);
    setLoaded({ board: board.body.board, ...members.body });
  }, [base]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (!loaded) {
    return (
      <div className="members-page">
        <AppHeader />
        {problem ? <Problem message={problem} /> : <p className="muted loading">Loading…</p>}
      </div>
    );
  }

  const { board, members, invitations } = loaded;
  const manages = can(board.role, "member.manage");
  const configures = (["board.update", "board.archive", "board.delete"] as const).some((action) =>
    can(board.role, action),
  );
  return (
    <div className="members-page">
      <AppHeader>
        <span className="board-title">{board.title}</span>
        <Link href={`/boards/${board.slug}`}>Back to the board</Link>
      </AppHeader>
      <main className="members">
        <h1>{manages || configures ? "Members and settings" : "Members"}</h1>
        {board.archived ? (
          <p className="archived-note">This board is archived: it is read-only until an owner restores it.</p>
        ) : null}
        <section className="members-section" aria-labelledby="members-heading">
          <h2 id="members-heading">Members ({members.length})</h2>
          <MemberTable slug={board.slug} members={members} manages={manages} viewerId={viewerId} onChanged={reload} />
          <RoleLegend />
        </section>
        {manages ? (
          <section className="members-section" aria-labelledby="invite-heading">
            <h2 id="invite-heading">Invite</h2>
            <InviteForm slug={board.slug} onChanged={reload} />
            <InvitationList slug={board.slug} invitations={invitations} onChanged={reload} />
          </section>
        ) : null}
        {configures ? (
          <BoardSettings
            key={`${board.title}\n${board.description}\n${board.handling}`}
            board={board}
            onChanged={reload}
          />
        ) : null}
      </main>
    </div>
  );
}
