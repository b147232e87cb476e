// server/ and lib/ must not import from components/ (or app/): components/ is the browser's side, and
// whatever both sides need (the charts' logic, the exported figure's React component) lives in lib/.
// Nor may their modules import each other in a circle (type-only imports count: the review's
// domain.ts ↔ commit-annotation-batch.ts circle was one). The compiler accepts both, so this test is
// what names the file that brings one back.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  codeFiles,
  moduleSpecifiers,
  repositoryPathOf,
  resolveRepositoryFile,
  REPOSITORY_ROOT as root,
} from "../support/source-imports";

const GUARDED_DIRS = ["server", "lib"];
const BROWSER_DIRS = ["components", "app"];

/** Every module specifier in a file, type-only imports included: a type import crosses the layer too. */
const specifiers = (source: string) => moduleSpecifiers(source, { typeOnly: true });

/** The repository folder a specifier points into ("@/components/x" → "components"), or null for packages. */
function topFolderOf(specifier: string, importer: string): string | null {
  const target = repositoryPathOf(specifier, importer);
  return target === null ? null : (path.relative(root, target).split(path.sep)[0] ?? null);
}

function crossings(source: string, importer: string): string[] {
  return specifiers(source).filter((s) => BROWSER_DIRS.includes(topFolderOf(s, importer) ?? ""));
}

/** One circle per file that starts one, as "a → b → a" (files relative to the repository). */
function importCircles(graph: Map<string, string[]>): string[] {
  const circles: string[] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (file: string) => {
    const at = onPath.indexOf(file);
    if (at >= 0) {
      circles.push([...onPath.slice(at), file].map((f) => path.relative(root, f)).join(" → "));
      return;
    }
    if (done.has(file)) return;
    onPath.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    onPath.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return circles;
}

function importGraph(files: string[]): Map<string, string[]> {
  return new Map(
    files.map((file) => {
      const targets = specifiers(readFileSync(file, "utf8")).map((s) => resolveRepositoryFile(s, file));
      return [file, targets.filter((t): t is string => t !== null)];
    }),
  );
}

describe("layering", () => {
  it("reads aliased, relative, type-only and dynamic imports", () => {
    const importer = path.join(root, "server/exports/charts/render-figure-svg.tsx");
    const source = [
      'import { A } from "@/components/charts/A";',
      'import type { B } from "../../../components/board/B";',
      'export { C } from "@/app/page";',
      'const d = await import("@/components/D");',
      'import {\n  e,\n  f,\n} from "../../../components/E";',
      'import { ok } from "@/lib/charts/chart-model";',
      'import { alsoOk } from "./components/local";',
      'import React from "react";',
    ].join("\n");
    expect(crossings(source, importer)).toEqual([
      "@/components/charts/A",
      "../../../components/board/B",
      "@/app/page",
      "../../../components/E",
      "@/components/D",
    ]);
  });

  it("server/ and lib/ import nothing from components/ or app/", () => {
    const files = GUARDED_DIRS.flatMap((dir) => codeFiles(path.join(root, dir)));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) =>
      crossings(readFileSync(file, "utf8"), file).map((s) => `${path.relative(root, file)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it("finds an import circle, type-only or not", () => {
    const [a, b, c] = ["server/a.ts", "server/b.ts", "server/c.ts"].map((f) => path.join(root, f)) as [
      string,
      string,
      string,
    ];
    expect(
      importCircles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, []],
        ]),
      ),
    ).toEqual([]);
    expect(
      importCircles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ),
    ).toEqual(["server/a.ts → server/b.ts → server/c.ts → server/a.ts"]);
  });

  it("server/ and lib/ import each other in no circle", () => {
    const files = GUARDED_DIRS.flatMap((dir) => codeFiles(path.join(root, dir)));
    expect(importCircles(importGraph(files))).toEqual([]);
  });
});
