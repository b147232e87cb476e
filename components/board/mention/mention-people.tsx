"use client";
// Who an @-mention can name: the board's members as the live snapshot holds them (renames and new members
// arrive with their ops), and the analyst writing, who is not suggested. Provided once by the board page,
// read by every composer's field, so the memoized thread views need no new props.
import { createContext, type ReactNode, useContext, useMemo } from "react";
import type { WireMember } from "@/lib/schemas/board";

export type MentionPeople = { members: readonly WireMember[]; selfId: string | undefined };

const NOBODY: MentionPeople = { members: [], selfId: undefined };
const MentionPeopleContext = createContext<MentionPeople>(NOBODY);

export function MentionPeopleProvider({
  members,
  selfId,
  children,
}: {
  members: readonly WireMember[] | undefined;
  selfId: string | undefined;
  children: ReactNode;
}) {
  const value = useMemo(() => (members ? { members, selfId } : NOBODY), [members, selfId]);
  return <MentionPeopleContext.Provider value={value}>{children}</MentionPeopleContext.Provider>;
}

export function useMentionPeople(): MentionPeople {
  return useContext(MentionPeopleContext);
}
