// What the signed-in analyst may do with annotations, from the shared policy (lib/permissions.ts):
// the UI offers exactly these, so it never offers what the server would refuse.
import { can } from "@/lib/permissions";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardRole } from "@/lib/schemas/board";

export type AnnotationAbilities = {
  userId: string | undefined;
  create: boolean;
  resolve: boolean;
  edit: (annotation: WireAnnotation) => boolean;
  remove: (annotation: WireAnnotation) => boolean;
};

export function annotationAbilities(options: {
  role: BoardRole;
  userId: string | undefined;
  writable: boolean;
}): AnnotationAbilities {
  const { role, userId, writable } = options;
  const own = (annotation: WireAnnotation) => annotation.author.id === userId;
  return {
    userId,
    create: writable && can(role, "annotation.create"),
    resolve: writable && can(role, "annotation.resolve"),
    edit: (annotation) => writable && own(annotation) && can(role, "annotation.edit-own"),
    remove: (annotation) => writable && can(role, own(annotation) ? "annotation.edit-own" : "annotation.delete-any"),
  };
}
