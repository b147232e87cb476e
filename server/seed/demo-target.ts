// How the demo data names a target: like a board target, but the entity it points at is named by its
// demo key in `<entity>Key` (eventKey, indicatorKey, observationKey, sourceKey) instead of its id. Which
// entity a kind references, and in which field, is the target table's (lib/targets/target-kinds.ts), so a
// new kind needs no case here; the kind's own schema checks the target built. A passage is named by its
// quote alone: hand-counted offsets would silently drift whenever the report's wording is touched.
import type { TAnnotationTarget } from "@/lib/schemas/annotation";
import { type ReferencedEntity, TARGET_KINDS } from "@/lib/targets/target-kinds";
import type { DemoAnnotationTarget } from "./demo-board-types";

/** The text of a demo source's version, by the source's demo key. */
export type DemoTextOf = (sourceKey: string, version: number) => string | undefined;

export function demoTarget(
  demo: DemoAnnotationTarget,
  idOf: (entity: ReferencedEntity, key: string) => string,
  textOf: DemoTextOf = () => undefined,
): TAnnotationTarget {
  const kind = TARGET_KINDS[demo.type];
  const reference = kind.references;
  const located = demo.type === "source-span" ? { ...demo, ...quoteOffsets(demo, textOf) } : demo;
  if (!reference) return kind.schema.parse(located);
  const { [`${reference.entity}Key`]: key, ...rest } = located as Record<string, unknown>;
  if (typeof key !== "string") throw new Error(`Demo ${demo.type} target lacks its ${reference.entity}Key`);
  return kind.schema.parse({ ...rest, [reference.field]: idOf(reference.entity, key) });
}

/** Where the quote is in its version: it must occur there exactly once, or the demo data is wrong. */
function quoteOffsets(
  demo: Extract<DemoAnnotationTarget, { type: "source-span" }>,
  textOf: DemoTextOf,
): { start: number; end: number } {
  const text = textOf(demo.sourceKey, demo.version);
  if (text === undefined) throw new Error(`Demo source ${demo.sourceKey} has no version ${demo.version}`);
  const start = text.indexOf(demo.exact);
  if (!demo.exact || start < 0) throw new Error(`Demo quote not in ${demo.sourceKey} v${demo.version}: ${demo.exact}`);
  if (text.indexOf(demo.exact, start + 1) >= 0)
    throw new Error(`Demo quote occurs more than once in ${demo.sourceKey} v${demo.version}: ${demo.exact}`);
  return { start, end: start + demo.exact.length };
}
