// Reads an import document — one Annotation, or an AnnotationCollection with its page embedded — into
// drafts, refusing the whole document (VALIDATION, every issue with its path) if any part is wrong.
import type { ValidationIssue } from "@/lib/errors";
import {
  isAnnotationCollection,
  type TEmbeddedWebAnnotation,
  type TWebAnnotationCollection,
  type TWebAnnotationDocument,
  ZWebAnnotationDocument,
} from "@/lib/schemas/web-annotation";
import { AppError, parseInput } from "../errors";
import { fromWebAnnotation, type ImportDraft, type IssuePath } from "./from-web-annotation";

export function readWebAnnotations(input: unknown): ImportDraft[] {
  const document = parseInput(ZWebAnnotationDocument, input);
  const located: [TEmbeddedWebAnnotation, IssuePath][] = isCollection(document)
    ? (document.first?.items ?? []).map((item, index) => [item, ["first", "items", index]])
    : [[document, []]];

  const drafts: ImportDraft[] = [];
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const [annotation, path] of located) {
    const result = fromWebAnnotation(annotation, path);
    if (!result.ok) {
      issues.push(...result.issues);
    } else if (seen.has(result.draft.sourceId)) {
      issues.push({ path: [...path, "id"], message: "this annotation appears twice in the import" });
    } else {
      seen.add(result.draft.sourceId);
      drafts.push(result.draft);
    }
  }
  if (issues.length) throw new AppError("VALIDATION", "The annotations cannot be imported", issues);
  return drafts;
}

/** Sound on a parsed document: the schema parsed it as a collection exactly when its type names one. */
function isCollection(document: TWebAnnotationDocument): document is TWebAnnotationCollection {
  return isAnnotationCollection(document);
}
