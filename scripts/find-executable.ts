// Where a Debian package's program is: on PATH, or in the sbin directories that are not on every
// user's PATH (haproxy is in /usr/sbin). For the cluster demo and for the tests that need such programs.
import { accessSync, constants } from "node:fs";
import path from "node:path";

export function findExecutable(name: string): string | undefined {
  const dirs = [
    ...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean),
    "/usr/local/sbin",
    "/usr/sbin",
    "/usr/bin",
  ];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; try the next directory.
    }
  }
  return undefined;
}
