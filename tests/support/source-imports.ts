// Reads the project's own source for the tests that guard its shape (tests/unit/layering.test.ts,
// tests/unit/runtime-dependencies.test.ts): which code files a folder holds, and which modules a file
// names. A regular-expression reader, not a parser: enough for code formatted by Biome.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, "../..");
const SKIP_DIRS = new Set(["generated", "node_modules"]);
const CODE = /\.(ts|tsx|js|mjs)$/;

export function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return SKIP_DIRS.has(name) ? [] : codeFiles(full);
    return CODE.test(name) ? [full] : [];
  });
}

/**
 * The module specifiers in a file: static imports and re-exports, side-effect imports, dynamic
 * `import()`/`require()` and `createRequire().resolve("pkg/…")`. `typeOnly: false` leaves out
 * `import type`/`export type`, which vanish when the code is compiled (what the runtime loads);
 * `typeOnly: true` keeps them (what crosses a layer).
 */
export function moduleSpecifiers(source: string, options: { typeOnly: boolean }): string[] {
  const fromClause = options.typeOnly
    ? /^\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']/gm
    : /^\s*(?:import|export)\s+(?!type\s)[^;]*?\sfrom\s+["']([^"']+)["']/gm;
  const patterns = [
    fromClause,
    /^\s*import\s+["']([^"']+)["']/gm,
    /\b(?:import|require)\(\s*["']([^"']+)["']\s*\)/g,
    /\.resolve\(\s*["']([^"'./][^"']*)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1] as string));
}

/** The path inside the repository a specifier points at ("@/lib/x", "../x"), or null for a package. */
export function repositoryPathOf(specifier: string, importer: string): string | null {
  if (specifier.startsWith("@/")) return path.join(REPOSITORY_ROOT, specifier.slice(2));
  if (specifier.startsWith(".")) return path.resolve(path.dirname(importer), specifier);
  return null;
}

/** The repository file a specifier loads, or null for a package. */
export function resolveRepositoryFile(specifier: string, importer: string): string | null {
  const target = repositoryPathOf(specifier, importer);
  if (!target) return null;
  const candidates = [target, `${target}.ts`, `${target}.tsx`, path.join(target, "index.ts")];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}
