// A production install keeps only `dependencies` (`npm prune --omit=dev`), so every package the server,
// the pages or the start scripts load at run time must be listed there — a module that is only
// hoisted in from another package's dependencies, or only in devDependencies, works in a checkout and
// fails in the container. `.ci/run` also starts a pruned install for real; this test names the culprit.
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codeFiles, moduleSpecifiers, REPOSITORY_ROOT as root } from "../support/source-imports";

const RUNTIME_DIRS = ["server", "lib", "app", "components", "scripts"];

/** What the runtime loads: `import type`/`export type` vanish when the code is compiled. */
const runtimeSpecifiers = (source: string) => moduleSpecifiers(source, { typeOnly: false });

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
