// The store admin's sections and what a permission on each allows (SPEC.md, "The store admin and its sections").
import { z } from "zod";

export const SECTIONS = ["home", "orders", "products", "customers", "settings", "staff"] as const;
export type Section = (typeof SECTIONS)[number];

export const LEVELS = ["view", "manage"] as const;
export type Level = (typeof LEVELS)[number];

/** As stored by the database's `Permission` enum. */
export type Permission = `${Section}_${Level}`;

/** Where each section lives under /store/:storeId. */
export const SECTION_PATHS: Record<Section, string> = {
  home: "",
  orders: "/orders",
  products: "/products",
  customers: "/customers",
  settings: "/settings",
  staff: "/users",
};

/** Sections a collaborator may be granted: never `staff`. */
export const COLLABORATOR_SECTIONS = SECTIONS.filter((s): s is Exclude<Section, "staff"> => s !== "staff");

export type PermissionMap = Partial<Record<Section, Level>>;

export function toPermission(section: Section, level: Level): Permission {
  return `${section}_${level}`;
}

export function isPermission(value: string): value is Permission {
  const [section, level, extra] = value.split("_");
  return extra === undefined && (SECTIONS as readonly string[]).includes(section) && (LEVELS as readonly string[]).includes(level);
}

/** One entry per section, the highest level wins. */
export function toMap(permissions: readonly string[]): PermissionMap {
  const map: PermissionMap = {};
  for (const value of permissions) {
    if (!isPermission(value)) continue;
    const [section, level] = value.split("_") as [Section, Level];
    if (map[section] !== "manage") map[section] = level;
  }
  return map;
}

export function fromMap(map: PermissionMap): Permission[] {
  return SECTIONS.flatMap((section) => (map[section] ? [toPermission(section, map[section]!)] : []));
}

export function normalize(permissions: readonly string[]): Permission[] {
  return fromMap(toMap(permissions));
}

export const ALL_PERMISSIONS: Permission[] = SECTIONS.map((s) => toPermission(s, "manage"));

export function levelOf(permissions: readonly string[], section: Section): Level | undefined {
  return toMap(permissions)[section];
}

export function can(permissions: readonly string[], section: Section, level: Level = "view"): boolean {
  const held = levelOf(permissions, section);
  return held === "manage" || (held === "view" && level === "view");
}

/** Nobody grants more than they hold: every wanted permission must be covered by the granter's. */
export function exceeds(wanted: readonly string[], granter: readonly string[]): Section[] {
  const map = toMap(wanted);
  return SECTIONS.filter((section) => map[section] && !can(granter, section, map[section]));
}

export function hasStaffSection(permissions: readonly string[]): boolean {
  return toMap(permissions).staff !== undefined;
}

/**
 * Form encoding shared by the permission picker and the server: one field per section,
 * `perm.<section>` = "" | "view" | "manage". Conform reads those names as one `perm` object.
 */
export const PERMISSION_FIELD_PREFIX = "perm.";

export function permissionsFromForm(form: Record<string, unknown>, sections: readonly Section[]): Permission[] | "invalid" {
  const nested = form.perm;
  if (nested !== undefined && (typeof nested !== "object" || nested === null || Array.isArray(nested))) return "invalid";
  // A Map, not an object: a field named `perm.__proto__` must be a field like any other.
  const fields = new Map<string, unknown>(Object.entries((nested as Record<string, unknown> | undefined) ?? {}));
  // Flat `perm.<section>` keys: a form read without conform (the older reader).
  for (const [key, value] of Object.entries(form)) {
    if (key.startsWith(PERMISSION_FIELD_PREFIX)) fields.set(key.slice(PERMISSION_FIELD_PREFIX.length), value);
  }
  const map: PermissionMap = {};
  for (const [section, raw] of fields) {
    if (!(sections as readonly string[]).includes(section)) return "invalid";
    if (raw === undefined || raw === null || raw === "" || raw === "none") continue;
    if (raw !== "view" && raw !== "manage") return "invalid";
    map[section as Section] = raw;
  }
  return fromMap(map);
}

export const permissionListSchema = (sections: readonly Section[]) =>
  z
    .array(z.string())
    .transform((values, ctx) => {
      if (!values.every((v) => isPermission(v) && sections.includes(v.split("_")[0] as Section))) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.permissions.invalid" });
        return z.NEVER;
      }
      return normalize(values);
    });
