// How the demo data names a target: like a board target, but the entity it points at is named by its
// demo key in `<entity>Key` (eventKey, indicatorKey, observationKey) instead of its id. Which entity a
// kind references, and in which field, is the target table's (lib/targets/target-kinds.ts), so a new
// kind needs no case here; the kind's own schema checks the target built.
import type { TAnnotationTarget } from "@/lib/schemas/annotation";
import { type ReferencedEntity, TARGET_KINDS } from "@/lib/targets/target-kinds";
import type { DemoAnnotationTarget } from "./demo-board-types";

export function demoTarget(
  demo: DemoAnnotationTarget,
  idOf: (entity: ReferencedEntity, key: string) => string,
): TAnnotationTarget {
  const kind = TARGET_KINDS[demo.type];
  const reference = kind.references;
  if (!reference) return kind.schema.parse(demo);
  const { [`${reference.entity}Key`]: key, ...rest } = demo as Record<string, unknown>;
  if (typeof key !== "string") throw new Error(`Demo ${demo.type} target lacks its ${reference.entity}Key`);
  return kind.schema.parse({ ...rest, [reference.field]: idOf(reference.entity, key) });
}
