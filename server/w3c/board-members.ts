// Who an imported annotation's creator (or resolver) is on this board. The IRI decides when it names a
// member; a name alone decides only when exactly one member has it. Anyone else is not on the board.
import type { MemberName } from "../annotations/find-mentions";
import type { AgentClaim } from "./from-web-annotation";

export type BoardMembers = {
  /** Every member with their stored name: who a body can mention, and how an author is shown. */
  names: MemberName[];
  find: (claim: AgentClaim | null) => MemberName | null;
};

export function boardMembers(names: MemberName[]): BoardMembers {
  return {
    names,
    find: (claim) => {
      if (!claim) return null;
      const byId = claim.userId ? names.find((member) => member.id === claim.userId) : undefined;
      if (byId) return byId;
      const named = names.filter((member) => member.name === claim.name);
      return named.length === 1 && named[0] ? named[0] : null;
    },
  };
}
