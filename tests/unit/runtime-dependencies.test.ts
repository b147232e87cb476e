// A production install keeps only `dependencies` (`npm prune --omit=dev`), so every package the server,
// the pages or the start scripts load at run time must be listed there — a module that is only
// hoisted in from another package's dependencies, or only in devDependencies, works in a checkout and
// fails in the container. `.ci/run` also starts a pruned install for real; this test names the culprit.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const RUNTIME_DIRS = ["server", "lib", "app", "components", "scripts"];
const SKIP_DIRS = new Set(["generated", "node_modules"]);
const CODE = /\.(ts|tsx|js|mjs)$/;

function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return SKIP_DIRS.has(name) ? [] : codeFiles(full);
    return CODE.test(name) ? [full] : [];
  });
}

/** Module specifiers a file loads at run time: static and dynamic imports and createRequire().resolve,
 *  leaving out `import type`/`export type`, which vanish when the code is compiled. */
function runtimeSpecifiers(source: string): string[] {
  const found: string[] = [];
  const statements = /^\s*(import|export)\s+(?!type\s)[^;]*?\sfrom\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm;
  for (const match of source.matchAll(statements)) found.push((match[2] ?? match[3]) as string);
  for (const match of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push(match[1] as string);
  for (const match of source.matchAll(/\.resolve\(\s*["']([^"'./][^"']*)["']\s*\)/g)) found.push(match[1] as string);
  return found;
}

/** "@scope/name/sub" → "@scope/name", "name/sub" → "name"; relative paths and aliases → null. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("@/")) return null;
  if (specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0] as string)) return null;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
}

describe("runtime dependencies", () => {
  it("reads imports as the runtime does", () => {
    const source = [
      'import { z } from "zod";',
      'import type { Page } from "@playwright/test";',
      'export type { Thing } from "typescript";',
      'import "./local.css";',
      'import { x } from "@/lib/x";',
      'const m = await import("@resvg/resvg-js");',
      'createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json");',
      'import {\n  a,\n  b,\n} from "socket.io-parser/build/esm";',
      'import fs from "node:fs";',
    ].join("\n");
    expect(runtimeSpecifiers(source).map(packageOf).filter(Boolean)).toEqual([
      "zod",
      "socket.io-parser",
      "@resvg/resvg-js",
      "dejavu-fonts-ttf",
    ]);
  });

  it("lists every package loaded by the server, the pages and the scripts in `dependencies`", () => {
    const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const missing: string[] = [];
    for (const file of RUNTIME_DIRS.flatMap((dir) => codeFiles(path.join(root, dir)))) {
      for (const name of runtimeSpecifiers(readFileSync(file, "utf8")).map(packageOf)) {
        if (name && !(name in manifest.dependencies)) missing.push(`${name} (${path.relative(root, file)})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
