// One annotation as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/), without @context:
// inside a collection the items share the collection's. The mapping, and why:
// - motivation: the kind's W3C motivation (kinds.ts); a reply is "replying" and targets the annotation it
//   answers (model §3.3.5), its own Watchfloor target kept in `watchfloor:target`;
// - body: the text as a text/plain TextualBody whose purpose is the kind's motivation, then one
//   TextualBody with purpose "tagging" per tag, in order (model §3.2.4, §3.3.5);
// - target: board, event and observation as their IRIs; an indicator at an instant or over a range as a
//   SpecificResource of the indicator with a Media Fragments clock FragmentSelector (model §4.2.1):
//   `t=clock:AT` (Media Fragments reads a lone start as "from then on"; it has no instant form) and
//   `t=clock:FROM,TO`; a passage of a source's document (issue 14) as a SpecificResource whose source is
//   the IRI of the version its span indexes (`…/sources/<id>/versions/<n>`: positions differ between
//   versions, so the version is the resource the selectors apply to, model §4.1) with a TextQuoteSelector
//   {exact, prefix, suffix} and a TextPositionSelector {start, end} in UTF-16 code units (§4.2.4, §4.2.5);
//   a point on the map (issue 16) as a SpecificResource whose source is its RFC 5870 `geo:LAT,LON` URI,
//   with the board's IRI as `scope` (§4.4: the model counts a SpecificResource only with a refinement)
//   and the analyst's name for it as `label` (rdfs:label in the anno context);
// - creator: the author as a Person with an IRI and name; created/modified: createdAt/updatedAt;
// - extensions (model §6): watchfloor:kind always, watchfloor:confidence when set, watchfloor:resolvedAt
//   and watchfloor:resolvedBy on a resolved thread. Version, edit history and mentions are not exported.
import type { TAnnotationTarget, WireAnnotation } from "@/lib/schemas/annotation";
import type {
  WebAnnotation,
  WebAnnotationAgent,
  WebAnnotationTarget,
  WebAnnotationTextualBody,
} from "@/lib/schemas/web-annotation";
import { type QuoteContext, serverTargetKindOf } from "../annotations/target-kinds";
import type { WatchfloorIris } from "./iris";
import { MOTIVATION_OF_KIND } from "./kinds";

/** A passage annotation's stored prefix and suffix, which the wire annotation does not carry. */
export type QuoteContextOf = (annotation: WireAnnotation) => QuoteContext | undefined;

export function toWebAnnotation(
  annotation: WireAnnotation,
  iris: WatchfloorIris,
  quoteContextOf: QuoteContextOf = () => undefined,
): WebAnnotation {
  const purpose = MOTIVATION_OF_KIND[annotation.kind];
  const ownTarget = toWebAnnotationTarget(annotation.target, iris, quoteContextOf(annotation));
  const tags = annotation.tags.map(
    (tag): WebAnnotationTextualBody => ({ type: "TextualBody", value: tag, purpose: "tagging" }),
  );
  return {
    id: iris.annotation(annotation.id),
    type: "Annotation",
    motivation: annotation.parentId ? "replying" : purpose,
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    creator: toAgent(annotation.author, iris),
    body: [{ type: "TextualBody", value: annotation.body, format: "text/plain", purpose }, ...tags],
    target: annotation.parentId ? iris.annotation(annotation.parentId) : ownTarget,
    "watchfloor:kind": annotation.kind,
    ...(annotation.confidence ? { "watchfloor:confidence": annotation.confidence } : {}),
    ...(annotation.parentId ? { "watchfloor:target": ownTarget } : {}),
    ...(annotation.resolvedAt ? { "watchfloor:resolvedAt": annotation.resolvedAt } : {}),
    ...(annotation.resolvedBy ? { "watchfloor:resolvedBy": toAgent(annotation.resolvedBy, iris) } : {}),
  };
}

/** Each kind's own mapping: server/annotations/target-kinds.ts. */
export function toWebAnnotationTarget(
  target: TAnnotationTarget,
  iris: WatchfloorIris,
  context?: QuoteContext,
): WebAnnotationTarget {
  return serverTargetKindOf(target).toWeb(target, iris, context);
}

function toAgent(person: { id: string; name: string }, iris: WatchfloorIris): WebAnnotationAgent {
  return { id: iris.user(person.id), type: "Person", name: person.name };
}
