// A test file that needs a Debian package's program (redis-server, haproxy): without it the file is
// skipped with a warning nobody can miss — or fails, when its REQUIRE_ variable is 1, as in CI, whose
// .ci/run installs the package first.
import { findExecutable } from "@/scripts/find-executable";

/** The program's path, or undefined when the file must skip (after saying so). */
export function requiredProgram(options: {
  /** The executable's name, e.g. "redis-server". */
  program: string;
  /** The Debian package that installs it. */
  aptPackage: string;
  /** Names the test file in the message. */
  test: string;
  /** The environment variable that turns the skip into a failure, e.g. "REQUIRE_REDIS". */
  requiredBy: string;
}): string | undefined {
  const found = findExecutable(options.program);
  if (found) return found;
  const message = `${options.test}: ${options.program} is not installed (sudo apt-get install ${options.aptPackage})`;
  if (process.env[options.requiredBy] === "1") throw new Error(`${message}, and ${options.requiredBy}=1 requires it`);
  console.warn(`\n*** SKIPPED: ${message}. Set ${options.requiredBy}=1 to make this a failure. ***\n`);
  return undefined;
}
