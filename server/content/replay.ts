// Creates of the board's facts are idempotent like annotations: the client-generated id is the key.
// A repeated create answers with what exists; the same id on another board is a CONFLICT.
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors";

export async function createOnce<T>(options: {
  find: () => Promise<{ boardId: string; result: T } | null>;
  create: () => Promise<T>;
  boardId: string;
}): Promise<T> {
  const replay = async () => {
    const existing = await options.find();
    if (!existing) return null;
    if (existing.boardId !== options.boardId) throw new AppError("CONFLICT", "Something with this id already exists");
    return existing.result;
  };
  const earlier = await replay();
  if (earlier !== null) return earlier;
  try {
    return await options.create();
  } catch (error) {
    // Two deliveries of the same create raced; the other one committed first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await replay();
      if (winner !== null) return winner;
    }
    throw error;
  }
}

/** Refuses references to things that are not on this board. */
export function notOnBoard(what: string, path: (string | number)[]): AppError {
  return new AppError("VALIDATION", `The ${what} is not on this board`, [
    { path, message: `no such ${what} on this board` },
  ]);
}
