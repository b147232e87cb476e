// A parsed Web Annotation read back into what Watchfloor stores — the inverse of to-web-annotation.ts —
// without touching the database: plan-import.ts then checks it against the board.
// - the annotation's id: the uuid of a Watchfloor annotation IRI, else a UUIDv5 of the IRI (so an
//   annotation from elsewhere still imports exactly once);
// - motivation "replying" makes a reply: its target must be the annotation it answers; its own target
//   is `watchfloor:target`, or else the thread's;
// - kind: `watchfloor:kind`, else the text body's purpose or the motivation (assessing, questioning,
//   commenting), else a note;
// - body: the one non-tagging TextualBody (or bodyValue); tags: the "tagging" bodies in order.
import type { ValidationIssue } from "@/lib/errors";
import type { ANNOTATION_KINDS, CONFIDENCE_LEVELS, TAnnotationTarget } from "@/lib/schemas/annotation";
import {
  isTagging,
  isWebGeoTarget,
  parseClockFragment,
  parseGeoUri,
  type TEmbeddedWebAnnotation,
  type TWebAnnotationAgent,
  type TWebAnnotationTarget,
} from "@/lib/schemas/web-annotation";
import { TARGET_TYPES } from "@/lib/targets/target-kinds";
import { SERVER_TARGET_KINDS, type WebTargetReading } from "../annotations/target-kinds";
import { URL_NAMESPACE, uuidV5 } from "./derive-id";
import { parseSourceVersionIri, parseWatchfloorIri } from "./iris";
import { kindOfMotivations } from "./kinds";

export type IssuePath = (string | number)[];
/** Who an agent in the input claims to be; plan-import.ts matches it against the board's members. */
export type AgentClaim = { userId: string | null; name: string | null };

export type ImportDraft = {
  /** Where the annotation sits in the input: issues about it are reported under this path. */
  path: IssuePath;
  /** Its IRI in the input. */
  source: string;
  sourceId: string;
  /** Null for a reply that takes its thread's target. */
  target: TAnnotationTarget | null;
  parentSourceId: string | null;
  body: string;
  kind: (typeof ANNOTATION_KINDS)[number];
  confidence: (typeof CONFIDENCE_LEVELS)[number] | null;
  tags: string[];
  creator: AgentClaim | null;
  createdAt: Date | null;
  modifiedAt: Date | null;
  resolvedAt: Date | null;
  resolvedBy: AgentClaim | null;
  /** A passage target's context (TextQuoteSelector prefix/suffix) and whether it gave a position. */
  passage: ImportedPassage | null;
};

export type ImportedPassage = { prefix: string; suffix: string; positioned: boolean };

export type DraftResult = { ok: true; draft: ImportDraft } | { ok: false; issues: ValidationIssue[] };

export function fromWebAnnotation(annotation: TEmbeddedWebAnnotation, path: IssuePath): DraftResult {
  const issues: ValidationIssue[] = [];
  const report = (where: IssuePath, message: string) => issues.push({ path: [...path, ...where], message });

  const motivations = [annotation.motivation ?? []].flat();
  const isReply = motivations.includes("replying");
  let parentSourceId: string | null = null;
  let target: TAnnotationTarget | null = null;
  let webTarget: TWebAnnotationTarget | undefined;
  if (isReply) {
    if (typeof annotation.target === "string") parentSourceId = annotationIdOf(annotation.target);
    else report(["target"], "a reply's target is the IRI of the annotation it answers");
    webTarget = annotation["watchfloor:target"];
    if (webTarget !== undefined)
      target = toWatchfloorTarget(webTarget, (message) => report(["watchfloor:target"], message));
  } else {
    webTarget = annotation.target;
    target = toWatchfloorTarget(webTarget, (message) => report(["target"], message));
  }

  const bodies: { value: string; purpose?: string | string[] }[] =
    annotation.body === undefined ? [{ value: annotation.bodyValue ?? "" }] : [annotation.body].flat();
  const text = bodies.find((body) => !isTagging(body));
  const tags = bodies.filter((body) => isTagging(body)).map((body) => body.value);
  const purposes = [text?.purpose ?? []].flat();

  const createdAt = dateOrNull(annotation.created);
  const modifiedAt = dateOrNull(annotation.modified);
  if (createdAt && modifiedAt && modifiedAt < createdAt) report(["modified"], "modified is before created");
  const resolvedAt = dateOrNull(annotation["watchfloor:resolvedAt"]);
  if (isReply && resolvedAt) report(["watchfloor:resolvedAt"], "only a thread's first annotation can be resolved");

  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    draft: {
      path,
      source: annotation.id,
      sourceId: annotationIdOf(annotation.id),
      target,
      parentSourceId,
      body: text?.value ?? "",
      kind: annotation["watchfloor:kind"] ?? kindOfMotivations([...purposes, ...motivations]) ?? "note",
      confidence: annotation["watchfloor:confidence"] ?? null,
      tags,
      creator: agentClaim(annotation.creator),
      createdAt,
      modifiedAt,
      resolvedAt,
      resolvedBy: agentClaim(annotation["watchfloor:resolvedBy"]),
      passage: target?.type === "source-span" && webTarget !== undefined ? importedPassage(webTarget) : null,
    },
  };
}

/** The id an annotation IRI stands for: a Watchfloor annotation's own uuid, else one derived from the IRI. */
export function annotationIdOf(iri: string): string {
  const parsed = parseWatchfloorIri(iri);
  return parsed?.type === "annotation" ? parsed.id : uuidV5(URL_NAMESPACE, iri);
}

type TextSelector =
  | { type: "TextQuoteSelector"; exact: string; prefix?: string | undefined; suffix?: string | undefined }
  | { type: "TextPositionSelector"; start: number; end: number };

/**
 * A TextQuoteSelector and TextPositionSelector (issue 14) as one reading. Its source is a version of a
 * source's document (iris.ts) or, from other tools and older exports, the source itself, its version
 * then in `watchfloor:version` or unknown.
 */
function passageReading(source: string, selectors: TextSelector[], version: number | undefined): WebTargetReading {
  const { quote, position } = textSelectors(selectors);
  const ofVersion = parseSourceVersionIri(source);
  return {
    shape: "passage",
    named: ofVersion ? { type: "source", id: ofVersion.sourceId } : parseWatchfloorIri(source),
    exact: quote?.exact ?? null,
    position: position ? { start: position.start, end: position.end } : null,
    version: ofVersion?.version ?? version ?? null,
  };
}

function textSelectors(selectors: TextSelector[]) {
  return {
    quote: selectors.find((selector) => selector.type === "TextQuoteSelector"),
    position: selectors.find((selector) => selector.type === "TextPositionSelector"),
  };
}

function importedPassage(target: TWebAnnotationTarget): ImportedPassage | null {
  if (typeof target === "string" || isWebGeoTarget(target) || !Array.isArray(target.selector)) return null;
  const { quote, position } = textSelectors(target.selector);
  return { prefix: quote?.prefix ?? "", suffix: quote?.suffix ?? "", positioned: position !== undefined };
}

/** The first kind whose mapping (server/annotations/target-kinds.ts) reads the target; else a problem. */
function toWatchfloorTarget(
  target: TWebAnnotationTarget,
  problem: (message: string) => void,
): TAnnotationTarget | null {
  const reading: WebTargetReading =
    typeof target === "string"
      ? { shape: "iri", named: parseWatchfloorIri(target) }
      : isWebGeoTarget(target)
        ? pointReading(target.source, target.label)
        : Array.isArray(target.selector)
          ? passageReading(target.source, target.selector, target["watchfloor:version"])
          : {
              shape: "resource",
              named: parseWatchfloorIri(target.source),
              time: parseClockFragment(target.selector.value),
            };
  for (const type of TARGET_TYPES) {
    const read = SERVER_TARGET_KINDS[type].fromWeb(reading);
    if (read) return read;
  }
  if (reading.shape === "resource" || reading.shape === "point") {
    problem("a SpecificResource target must be a Watchfloor indicator with a clock time");
  } else if (reading.named?.type === "indicator") {
    problem("an indicator is annotated at a time: a SpecificResource with a clock FragmentSelector");
  } else {
    problem("not the IRI of a Watchfloor board, event or observation");
  }
  return null;
}

/** The schema let only a geo URI through (lib/schemas/web-annotation.ts), so the parse cannot fail here. */
function pointReading(source: string, label: string | undefined): WebTargetReading {
  const point = parseGeoUri(source);
  if (!point) throw new Error(`Not a geo URI: ${source}`);
  return { shape: "point", ...point, label: label ?? null };
}

function agentClaim(agent: TWebAnnotationAgent | undefined): AgentClaim | null {
  if (agent === undefined) return null;
  const iri = typeof agent === "string" ? agent : agent.id;
  const parsed = iri === undefined ? null : parseWatchfloorIri(iri);
  return {
    userId: parsed?.type === "user" ? parsed.id : null,
    name: typeof agent === "string" ? null : (agent.name?.trim() ?? null) || null,
  };
}

function dateOrNull(instant: string | undefined): Date | null {
  return instant === undefined ? null : new Date(instant);
}
