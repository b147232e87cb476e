// Annotations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), compacted JSON-LD:
// the shapes the exporter writes, and the zod schema for what the importer accepts — one Annotation, or
// an AnnotationCollection with all its annotations in one embedded page. Mapping rules: server/w3c/.
import { z } from "zod";
import { ANNOTATION_KINDS, CONFIDENCE_LEVELS, ZAnnotationCreate } from "./annotation";
import { LIMITS, ZInstant, ZText } from "./common";
import { ZPlaceLabel } from "./place";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
/** The media type of both directions (model §1.3 / protocol §4). */
export const WEB_ANNOTATION_CONTENT_TYPE = `application/ld+json; profile="${ANNO_CONTEXT}"`;
/**
 * Where Watchfloor's extension terms (`watchfloor:kind`, …) live (model §6, "Extending the model").
 * A placeholder until the project publishes a vocabulary at an address it controls; old exports stay
 * readable only while the importer accepts the IRI they declare.
 */
export const WATCHFLOOR_NAMESPACE = "https://watchfloor.example/ns/annotation#";
export const MEDIA_FRAGMENTS = "http://www.w3.org/TR/media-frags/";
/** More annotations than this in one import are refused (the HTTP body limit usually bites first). */
export const IMPORT_MAX_ANNOTATIONS = 1_000;

/** Model §3.3.5. */
export const W3C_MOTIVATIONS = [
  "assessing",
  "bookmarking",
  "classifying",
  "commenting",
  "describing",
  "editing",
  "highlighting",
  "identifying",
  "linking",
  "moderating",
  "questioning",
  "replying",
  "tagging",
] as const;
export type W3cMotivation = (typeof W3C_MOTIVATIONS)[number];

/** Declares the `watchfloor:` prefix, and types the two extension terms whose values are not plain text. */
export const WATCHFLOOR_CONTEXT = {
  watchfloor: WATCHFLOOR_NAMESPACE,
  "watchfloor:target": { "@type": "@id" },
  "watchfloor:resolvedAt": { "@type": "http://www.w3.org/2001/XMLSchema#dateTime" },
} as const;
/** The anno context first, as the model requires; the extension after it (model §6). */
export const WEB_ANNOTATION_CONTEXT = [ANNO_CONTEXT, WATCHFLOOR_CONTEXT] as const;

// ---- What the exporter writes ----

export type WebAnnotationAgent = { id: string; type: "Person"; name: string };
export type WebAnnotationTextualBody = {
  type: "TextualBody";
  value: string;
  format?: "text/plain";
  purpose: W3cMotivation;
};
export type WebAnnotationFragmentSelector = {
  type: "FragmentSelector";
  conformsTo: typeof MEDIA_FRAGMENTS;
  value: string;
};
export type WebTextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix?: string; suffix?: string };
export type WebTextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };
/**
 * An IRI, a time (range) of an indicator's series, a passage of a source's document (issue 14): its quote
 * and position in one version of the document, whose IRI is the source; or a point on the map (issue 16):
 * a geo URI in the scope of the board, with the analyst's label.
 */
export type WebAnnotationTarget =
  | string
  | { type: "SpecificResource"; source: string; selector: WebAnnotationFragmentSelector }
  | {
      type: "SpecificResource";
      source: string;
      selector: [WebTextQuoteSelector, WebTextPositionSelector];
    }
  | { type: "SpecificResource"; source: string; scope: string; label: string };

export type WebAnnotation = {
  id: string;
  type: "Annotation";
  motivation: W3cMotivation;
  created: string;
  modified: string;
  creator: WebAnnotationAgent;
  body: WebAnnotationTextualBody[];
  target: WebAnnotationTarget;
  "watchfloor:kind": (typeof ANNOTATION_KINDS)[number];
  "watchfloor:confidence"?: (typeof CONFIDENCE_LEVELS)[number];
  /** A reply's own target: its W3C target is the annotation it replies to. */
  "watchfloor:target"?: WebAnnotationTarget;
  "watchfloor:resolvedAt"?: string;
  "watchfloor:resolvedBy"?: WebAnnotationAgent;
};
export type StandaloneWebAnnotation = { "@context": typeof WEB_ANNOTATION_CONTEXT } & WebAnnotation;

export type WebAnnotationPage = { id: string; type: "AnnotationPage"; startIndex: 0; items: WebAnnotation[] };
export type WebAnnotationCollection = {
  "@context": typeof WEB_ANNOTATION_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first: WebAnnotationPage;
  last: string;
};

// ---- Media Fragments clock times (https://www.w3.org/TR/media-frags/#naming-time) ----

const CLOCK_PREFIX = "t=clock:";

/** `t=clock:FROM` for an instant, `t=clock:FROM,TO` for a range. */
export function clockFragment(from: string, to?: string): string {
  return `${CLOCK_PREFIX}${from}${to === undefined ? "" : `,${to}`}`;
}

export function parseClockFragment(value: string): { from: string; to: string | null } | null {
  if (!value.startsWith(CLOCK_PREFIX)) return null;
  const parts = value.slice(CLOCK_PREFIX.length).split(",");
  const [from, to, ...rest] = parts;
  if (from === undefined || rest.length || !ZInstant.safeParse(from).success) return null;
  if (to !== undefined && !ZInstant.safeParse(to).success) return null;
  return { from, to: to ?? null };
}

// ---- geo URIs (RFC 5870, https://www.rfc-editor.org/rfc/rfc5870) ----

/** A number as the URI grammar has it (digits and a point, never JavaScript's 1e-7), exactly. */
function plainDecimal(value: number): string {
  const text = String(value);
  const scientific = /^(-?)(\d)(?:\.(\d+))?e-(\d+)$/.exec(text);
  if (!scientific) return text;
  const [, sign, lead, rest = "", exponent] = scientific;
  return `${sign}0.${"0".repeat(Number(exponent) - 1)}${lead}${rest}`;
}

/** `geo:LAT,LON` in WGS 84, the URI's default reference system (§3.4.2: latitude first). */
export function geoUri(longitude: number, latitude: number): string {
  return `geo:${plainDecimal(latitude)},${plainDecimal(longitude)}`;
}

const GEO_URI = /^geo:(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)(?:,-?\d+(?:\.\d+)?)?((?:;[^;]*)*)$/i;

/**
 * The point a geo URI names, or null when it is not one, names another reference system than WGS 84, or
 * lies off the globe. An altitude and the uncertainty parameter are dropped: a place on the map has neither.
 */
export function parseGeoUri(value: string): { longitude: number; latitude: number } | null {
  const match = GEO_URI.exec(value);
  if (!match) return null;
  const [, latitude = "", longitude = "", parameters = ""] = match;
  const crs = /;crs=([^;]*)/i.exec(parameters)?.[1];
  if (crs !== undefined && crs.toLowerCase() !== "wgs84") return null;
  const point = { longitude: Number(longitude), latitude: Number(latitude) };
  if (Math.abs(point.latitude) > 90 || Math.abs(point.longitude) > 180) return null;
  return point;
}

// ---- What the importer accepts ----
// Objects are loose: properties Watchfloor does not know are ignored, as the model asks of consumers.

// ZText first: a URL parser takes NUL and lone surrogates (percent-encoding them), the database and the
// export would not; a name can end up in a body.
const ZIri = ZText.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) IRI" }).max(2_000));
const ZName = ZText.max(LIMITS.title);
const ZOneOrMoreStrings = z.union([z.string().max(100), z.array(z.string().max(100)).max(LIMITS.tagCount)]);

/**
 * One of two schemas, picked by the value's shape: unlike a union, issues keep their precise paths
 * (a union that fails reports only "Invalid input" at its own path).
 */
function byShape<A extends z.ZodType, B extends z.ZodType>(isA: (value: unknown) => boolean, a: A, b: B) {
  return z.unknown().transform((value, ctx): z.output<A> | z.output<B> => {
    const result = (isA(value) ? a : b).safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  });
}
const isString = (value: unknown) => typeof value === "string";

const typeIncluding = (name: string) =>
  z.union([z.literal(name), z.array(z.string()).refine((types) => types.includes(name))], {
    error: `type must be (or include) "${name}"`,
  });

const ZContextEntry = z.union([z.string(), z.record(z.string(), z.unknown())]);
const ZContext = z.union(
  [z.literal(ANNO_CONTEXT), z.array(ZContextEntry).refine((entries) => entries.includes(ANNO_CONTEXT))],
  { error: `@context must be "${ANNO_CONTEXT}", or a list that includes it` },
);
type TContext = z.infer<typeof ZContext>;

/** annotation:create's own body and tag rules, reused so the limits cannot drift apart. */
const ZTagValue = ZAnnotationCreate.shape.tags.unwrap().element;
const ZBodyValue = ZAnnotationCreate.shape.body;

const ZWebAnnotationTextualBody = z
  .looseObject({
    type: z.literal("TextualBody").optional(),
    value: z.string(),
    format: z.literal("text/plain", { error: "only text/plain bodies can be imported" }).optional(),
    purpose: ZOneOrMoreStrings.optional(),
  })
  .superRefine((body, ctx) => {
    const valueSchema = isTagging(body) ? ZTagValue : ZBodyValue;
    for (const issue of valueSchema.safeParse(body.value).error?.issues ?? []) {
      ctx.addIssue({ code: "custom", message: issue.message, path: ["value"] });
    }
  });

export function isTagging(body: { purpose?: string | string[] | undefined }): boolean {
  return [body.purpose ?? []].flat().includes("tagging");
}

const ZBodies = byShape(Array.isArray, z.array(ZWebAnnotationTextualBody), ZWebAnnotationTextualBody).superRefine(
  (bodies, ctx) => {
    const list = [bodies].flat();
    const texts = list.filter((body) => !isTagging(body)).length;
    if (texts !== 1) ctx.addIssue({ code: "custom", message: "exactly one body must be the text (not tagging)" });
    if (list.length - texts > LIMITS.tagCount) {
      ctx.addIssue({ code: "custom", message: `at most ${LIMITS.tagCount} tags` });
    }
  },
);

const ZClockValue = z.string().refine((value) => parseClockFragment(value) !== null, {
  message: "must be a Media Fragments clock time: t=clock:FROM or t=clock:FROM,TO (ISO 8601 with offset)",
});
const ZFragmentSelector = z.looseObject({
  type: z.literal("FragmentSelector"),
  conformsTo: z.literal(MEDIA_FRAGMENTS).optional(),
  value: ZClockValue,
});
const ZTextQuoteSelector = z.looseObject({
  type: z.literal("TextQuoteSelector"),
  exact: z.string(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const ZTextPositionSelector = z.looseObject({
  type: z.literal("TextPositionSelector"),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
const ZTextSelectors = z.array(z.discriminatedUnion("type", [ZTextQuoteSelector, ZTextPositionSelector])).min(1);
const ZSpecificResource = z.looseObject({
  type: z.literal("SpecificResource").optional(),
  source: ZIri,
  selector: byShape(Array.isArray, ZTextSelectors, ZFragmentSelector),
  "watchfloor:version": z.number().int().min(1).optional(),
});
/** A point on the map: a SpecificResource whose source is a geo URI, named by its label when it has one. */
const ZGeoResource = z.looseObject({
  type: z.literal("SpecificResource").optional(),
  source: z.string().refine((source) => parseGeoUri(source) !== null, {
    message: "must be a geo URI (RFC 5870) of a WGS 84 point: geo:LATITUDE,LONGITUDE",
  }),
  label: ZPlaceLabel.optional(),
});
const isGeoResource = (value: unknown) =>
  typeof value === "object" &&
  value !== null &&
  "source" in value &&
  typeof value.source === "string" &&
  /^geo:/i.test(value.source);

/**
 * One target: a Watchfloor IRI, a SpecificResource of an indicator with a clock FragmentSelector or of a
 * source's version with text selectors, or a point (a geo URI).
 */
export const ZWebAnnotationTarget = byShape(isString, ZIri, byShape(isGeoResource, ZGeoResource, ZSpecificResource));
export type TWebAnnotationTarget = z.infer<typeof ZWebAnnotationTarget>;
export type TWebGeoTarget = z.output<typeof ZGeoResource>;
/** Whether a parsed target is a point (its source a geo URI) rather than an indicator's or a passage's. */
export const isWebGeoTarget = (target: TWebAnnotationTarget): target is TWebGeoTarget =>
  typeof target !== "string" && isGeoResource(target);

/** One agent: an IRI, or an object with an id and/or a name. */
const ZAgent = byShape(isString, ZIri, z.looseObject({ id: ZIri.optional(), name: ZName.optional() }));
export type TWebAnnotationAgent = z.infer<typeof ZAgent>;

const annotationShape = {
  id: ZIri,
  type: typeIncluding("Annotation"),
  motivation: ZOneOrMoreStrings.optional(),
  created: ZInstant.optional(),
  modified: ZInstant.optional(),
  creator: ZAgent.optional(),
  body: ZBodies.optional(),
  /** Model §3.2.5: a plain-text body as a string. */
  bodyValue: ZBodyValue.optional(),
  target: ZWebAnnotationTarget,
  "watchfloor:kind": z.enum(ANNOTATION_KINDS).optional(),
  "watchfloor:confidence": z.enum(CONFIDENCE_LEVELS).optional(),
  "watchfloor:target": ZWebAnnotationTarget.optional(),
  "watchfloor:resolvedAt": ZInstant.optional(),
  "watchfloor:resolvedBy": ZAgent.optional(),
};

function checkBodyPresence(annotation: { body?: unknown; bodyValue?: unknown }, ctx: z.RefinementCtx): void {
  if ((annotation.body === undefined) === (annotation.bodyValue === undefined)) {
    ctx.addIssue({ code: "custom", message: "needs exactly one of body and bodyValue", path: ["body"] });
  }
}

/** An annotation inside a page: it may rely on the collection's @context. */
export const ZEmbeddedWebAnnotation = z
  .looseObject({ "@context": ZContext.optional(), ...annotationShape })
  .superRefine(checkBodyPresence);
export type TEmbeddedWebAnnotation = z.infer<typeof ZEmbeddedWebAnnotation>;

export const ZWebAnnotation = z
  .looseObject({ "@context": ZContext, ...annotationShape })
  .superRefine(checkBodyPresence)
  .superRefine((annotation, ctx) => checkExtensionPrefix([annotation], annotation["@context"], [], ctx));
export type TWebAnnotation = z.infer<typeof ZWebAnnotation>;

const ZAnnotationPage = z.looseObject({
  id: ZIri.optional(),
  type: typeIncluding("AnnotationPage"),
  items: z.array(ZEmbeddedWebAnnotation).max(IMPORT_MAX_ANNOTATIONS),
  next: z.never({ error: "only a collection whose annotations are all in its first page can be imported" }).optional(),
});

export const ZWebAnnotationCollection = z
  .looseObject({
    "@context": ZContext,
    id: ZIri.optional(),
    type: typeIncluding("AnnotationCollection"),
    label: z.union([ZName, z.array(ZName)]).optional(),
    total: z.number().int().min(0).optional(),
    /** Absent for an empty collection (model §5.1: first is required only when there are annotations). */
    first: ZAnnotationPage.optional(),
  })
  .superRefine((collection, ctx) => {
    const items = collection.first?.items ?? [];
    if (collection.total !== undefined && collection.total !== items.length) {
      ctx.addIssue({
        code: "custom",
        message: "total differs from the annotations in the first page: pages that must be fetched are not imported",
        path: ["total"],
      });
    }
    // An item with its own @context is judged by it; the others by the collection's, reported once.
    const inheriting = items.filter((item) => item["@context"] === undefined);
    checkExtensionPrefix(inheriting, collection["@context"], [], ctx);
    items.forEach((item, index) => {
      if (item["@context"]) checkExtensionPrefix([item], item["@context"], ["first", "items", index], ctx);
    });
  });
export type TWebAnnotationCollection = z.infer<typeof ZWebAnnotationCollection>;

/** What the import accepts: an AnnotationCollection when its type says so, else one Annotation. */
export const ZWebAnnotationDocument = byShape(isAnnotationCollection, ZWebAnnotationCollection, ZWebAnnotation);
export type TWebAnnotationDocument = z.infer<typeof ZWebAnnotationDocument>;

export function isAnnotationCollection(input: unknown): boolean {
  if (typeof input !== "object" || input === null || !("type" in input)) return false;
  return [input.type].flat().includes("AnnotationCollection");
}

/**
 * `watchfloor:kind` means Watchfloor's kind only where the context maps the prefix to our namespace;
 * under another mapping (or none) the same keys would name something else, so they are refused.
 */
function checkExtensionPrefix(
  annotations: object[],
  context: TContext,
  path: (string | number)[],
  ctx: z.RefinementCtx,
): void {
  const used = annotations.some((annotation) => Object.keys(annotation).some((key) => key.startsWith("watchfloor:")));
  if (!used) return;
  const declared = [context]
    .flat()
    .some((entry) => typeof entry === "object" && entry.watchfloor === WATCHFLOOR_NAMESPACE);
  if (!declared) {
    ctx.addIssue({
      code: "custom",
      message: `watchfloor: terms need the @context to map "watchfloor" to ${WATCHFLOOR_NAMESPACE}`,
      path: [...path, "@context"],
    });
  }
}
