// Helpers for tests of candidates (issue 15): finding one by its words, and a confirm request that makes a
// date an event.
import { randomUUID } from "node:crypto";
import type { TCandidateConfirmInput, WireCandidate } from "@/lib/schemas/candidate";

/** The one candidate of that kind whose text holds `words` (throws when there is none, or several). */
export function pickCandidate(candidates: WireCandidate[], kind: WireCandidate["kind"], words: string): WireCandidate {
  const found = candidates.filter((candidate) => candidate.kind === kind && candidate.exact.includes(words));
  if (found.length !== 1) throw new Error(`expected one ${kind} candidate with “${words}”, found ${found.length}`);
  return found[0] as WireCandidate;
}

/** candidate:confirm making the date the Geneva talks, with fresh ids (the idempotency keys). */
export function confirmAsEvent(
  boardId: string,
  candidate: WireCandidate,
  overrides: Partial<TCandidateConfirmInput> = {},
): TCandidateConfirmInput {
  return {
    boardId,
    candidateId: candidate.id,
    evidenceId: randomUUID(),
    infoCredibility: 2,
    as: {
      type: "event",
      event: {
        id: randomUUID(),
        title: "Talks in Geneva",
        occurredAt: "2022-01-17T09:00:00.000Z",
        category: "diplomatic",
      },
    },
    ...overrides,
  };
}
