// What the owner granted against what the partner asked, per section (the owner may approve with other
// permissions than requested): the partner's Stores page and the approval mail say exactly that.
import { SECTIONS, toMap, type Level, type Section } from "./permissions";

export interface PermissionDifference {
  section: Section;
  /** null: not asked / not granted. */
  asked: Level | null;
  granted: Level | null;
}

/** The sections where the grant differs from the request, in the sections' order. */
export function permissionDifferences(requested: readonly string[], granted: readonly string[]): PermissionDifference[] {
  const asked = toMap(requested);
  const given = toMap(granted);
  return SECTIONS.filter((section) => (asked[section] ?? null) !== (given[section] ?? null)).map((section) => ({ section, asked: asked[section] ?? null, granted: given[section] ?? null }));
}
