// Chart SVG ids numbered by first appearance (server/exports/charts/canonical-ids.ts): an export's bytes
// no longer depend on what the process rendered before.
import { describe, expect, it } from "vitest";
import { canonicalIds } from "@/server/exports/charts/canonical-ids";

const svgWith = (clip: number, line: string, text: string) =>
  `<svg><clipPath id="panel1-recharts${clip}-clip"/><path id="panel1-recharts-line-${line}" ` +
  `clip-path="url(#panel1-recharts${clip}-clip)"/><use href="#panel1-recharts-line-${line}"/><text>${text}</text></svg>`;

describe("canonical chart ids", () => {
  it("the same chart drawn after others gets the same ids as when drawn first", () => {
    expect(canonicalIds(svgWith(18, "_r_35_", "Troops"))).toBe(canonicalIds(svgWith(1, "_r_4_", "Troops")));
  });

  it("numbers ids by first appearance and keeps every reference pointing at its element", () => {
    expect(canonicalIds(svgWith(18, "_r_35_", "Troops"))).toBe(svgWith(1, "_r_1_", "Troops"));
  });

  it("leaves text alone, even text that looks like an id", () => {
    expect(canonicalIds(svgWith(7, "_r_9_", "recharts12 and _r_4_"))).toContain("<text>recharts12 and _r_4_</text>");
  });
});
