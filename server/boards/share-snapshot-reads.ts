// Joins of a board that arrive while a snapshot of it is being read wait for the next read and share
// it. Each of them joined the board's room before that read began, so no op can fall between their
// snapshot and their live feed: the rule join-board.ts keeps for a single join. A reconnect storm then
// costs a few snapshot transactions per board instead of one per analyst, and far less memory
// (docs/BENCHMARKS.md, scenario 4). A snapshot does not depend on who reads it; access is checked
// per join before it asks.

export type ReadSnapshot<T> = (boardId: string) => Promise<T>;

export function shareSnapshotReads<T>(read: ReadSnapshot<T>): ReadSnapshot<T> {
  /** Per board, the read in progress, settled (never rejected) once it is over. */
  const reading = new Map<string, Promise<void>>();
  /** Per board, the read that begins when the one in progress is over. */
  const next = new Map<string, Promise<T>>();

  const begin = (boardId: string): Promise<T> => {
    const result = read(boardId);
    const forget = () => {
      reading.delete(boardId);
    };
    reading.set(boardId, result.then(forget, forget));
    return result;
  };

  return (boardId) => {
    const waiting = next.get(boardId);
    if (waiting) return waiting;
    const current = reading.get(boardId);
    if (!current) return begin(boardId);
    const result = current.then(() => {
      next.delete(boardId);
      return begin(boardId);
    });
    next.set(boardId, result);
    return result;
  };
}
