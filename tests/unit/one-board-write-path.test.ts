// A board changes one way (issue 13): through server/ops/commit-board-change.ts, which appends the
// ops and publishes them after the commit. This fails, naming the file, when any other file under
// server/ appends ops or publishes them by hand.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codeFiles, moduleSpecifiers, REPOSITORY_ROOT, resolveRepositoryFile } from "../support/source-imports";

/** The files that may write ops or publish them themselves, and why. */
const WRITE_PATH = [
  // The skeleton and the op log it appends to.
  "server/ops/commit-board-change.ts",
  "server/ops/append-op.ts",
  // annotation:create's group commit writes a whole batch's rows and ops in one statement.
  "server/annotations/commit-annotation-batch.ts",
  "server/annotations/insert-annotation-batch.ts",
  // The demo seed fills an empty board before anyone is on it: no actor to authorize or limit.
  "server/seed/",
  // Wraps the publisher to notice when a board reaches a checkpoint seq (issue 19); it publishes only the
  // ops handed to it, unchanged.
  "server/history/periodic-checkpoints.ts",
];

const APPEND_OP = path.join(REPOSITORY_ROOT, "server/ops/append-op.ts");
const APPENDS_OPS = /\bappendOps?\s*\(/;
const PUBLISHES = /\beffects\s*\.\s*publish\b/;

const allowed = (file: string) => WRITE_PATH.some((entry) => file.startsWith(entry));

/** What in a file writes or publishes ops outside the skeleton, or nothing. */
function handWrittenOps(file: string): string[] {
  const source = readFileSync(path.join(REPOSITORY_ROOT, file), "utf8");
  const found: string[] = [];
  const importsAppendOp = moduleSpecifiers(source, { typeOnly: false }).some(
    (specifier) => resolveRepositoryFile(specifier, path.join(REPOSITORY_ROOT, file)) === APPEND_OP,
  );
  if (importsAppendOp) found.push("imports server/ops/append-op.ts");
  if (APPENDS_OPS.test(source)) found.push("calls appendOp/appendOps");
  if (PUBLISHES.test(source)) found.push("calls effects.publish");
  return found;
}

describe("one board write path", () => {
  const serverFiles = codeFiles(path.join(REPOSITORY_ROOT, "server")).map((file) =>
    path.relative(REPOSITORY_ROOT, file).split(path.sep).join("/"),
  );

  it("reads the server's files", () => {
    expect(serverFiles).toContain("server/ops/commit-board-change.ts");
    expect(serverFiles.length).toBeGreaterThan(50);
  });

  it("no service appends or publishes ops by hand: each goes through commitBoardChange", () => {
    const offenders = serverFiles
      .filter((file) => !allowed(file))
      .flatMap((file) => handWrittenOps(file).map((what) => `${file} ${what}`));
    expect(offenders, "use commitBoardChange (server/ops/commit-board-change.ts) instead").toEqual([]);
  });

  it("the skeleton itself is seen appending and publishing, so the patterns match real code", () => {
    expect(handWrittenOps("server/ops/commit-board-change.ts")).toEqual([
      "imports server/ops/append-op.ts",
      "calls appendOp/appendOps",
      "calls effects.publish",
    ]);
  });
});
