// The fields of an action, read from the schema its route module exports (`schema`, or `forms` with one
// schema per intent), never from a list kept by hand: the fuzz throws hostile values at exactly the
// fields the action's own validation reads.
//
// - z.object shapes are walked, through every wrapper (optional, default, effects/transforms/refinements,
//   pipelines, passthrough, unions, intersections, lazy);
// - what no shape names (a form read as a record and checked in a transform, as the permission forms
//   are) is found by asking the schema itself: the paths it complains about for an empty form, kept when
//   some value given at that path changes its complaint;
// - a schema that reads the permission picker (`perm.<section>` fields, which conform hands over as one
//   `perm` object) is recognised by its complaint about an unknown section, and its sections are those of
//   SECTIONS it accepts;
// - a field is a file field when a file passes where text does not.
import { z } from "zod";
import { PERMISSION_FIELD_PREFIX, SECTIONS } from "~/domain/permissions";

export interface FieldSpec {
  /** The form field's name, as a browser posts it (`title`, `perm.orders`). */
  name: string;
  kind: "text" | "file" | "permission";
}

/** The schemas an action reads: one per intent, or `""` for a single form; null when it reads none. */
export function schemasOf(module: Record<string, unknown>): Record<string, z.ZodTypeAny> | null {
  if (module.forms && typeof module.forms === "object") return module.forms as Record<string, z.ZodTypeAny>;
  if (module.schema instanceof z.ZodType) return { "": module.schema };
  return null;
}

function shapeNames(schema: z.ZodTypeAny, prefix = "", seen = new Set<z.ZodTypeAny>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._def as Record<string, unknown> & { typeName?: string };
  switch (def.typeName) {
    case "ZodObject": {
      const shape = (schema as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>;
      return Object.entries(shape).flatMap(([key, inner]) => {
        const nested = shapeNames(inner, `${prefix}${key}.`, seen);
        return nested.length && unwrap(inner)._def.typeName === "ZodObject" ? nested : [`${prefix}${key}`];
      });
    }
    case "ZodEffects":
      return shapeNames(def.schema as z.ZodTypeAny, prefix, seen);
    case "ZodPipeline":
      return [...shapeNames(def.in as z.ZodTypeAny, prefix, seen), ...shapeNames(def.out as z.ZodTypeAny, prefix, seen)];
    case "ZodOptional":
    case "ZodNullable":
    case "ZodDefault":
    case "ZodCatch":
    case "ZodReadonly":
      return shapeNames(def.innerType as z.ZodTypeAny, prefix, seen);
    case "ZodBranded":
      return shapeNames(def.type as z.ZodTypeAny, prefix, seen);
    case "ZodLazy":
      return shapeNames((def.getter as () => z.ZodTypeAny)(), prefix, seen);
    case "ZodUnion":
    case "ZodDiscriminatedUnion":
      return [...(def.options as z.ZodTypeAny[] | Map<unknown, z.ZodTypeAny>).values()].flatMap((o) => shapeNames(o, prefix, seen));
    case "ZodIntersection":
      return [...shapeNames(def.left as z.ZodTypeAny, prefix, seen), ...shapeNames(def.right as z.ZodTypeAny, prefix, seen)];
    default:
      return [];
  }
}

function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  const def = schema._def as Record<string, unknown> & { typeName?: string };
  if (def.typeName === "ZodEffects") return unwrap(def.schema as z.ZodTypeAny);
  if (def.typeName === "ZodPipeline") return unwrap(def.in as z.ZodTypeAny);
  if (["ZodOptional", "ZodNullable", "ZodDefault", "ZodCatch", "ZodReadonly"].includes(def.typeName ?? "")) return unwrap(def.innerType as z.ZodTypeAny);
  return schema;
}

/** The schema's complaints, path → messages, for a payload shaped as conform hands it over. */
function complaints(schema: z.ZodTypeAny, payload: Record<string, unknown>): Map<string, string> {
  const result = schema.safeParse(payload);
  const out = new Map<string, string>();
  if (result.success) return out;
  for (const issue of result.error.issues) {
    const path = issue.path.join(".");
    out.set(path, [out.get(path), issue.message].filter(Boolean).join(" | "));
  }
  return out;
}

const sameComplaints = (a: Map<string, string>, b: Map<string, string>) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/** Nested payload from dotted names (`perm.orders` → { perm: { orders } }), as conform builds it. */
function payloadOf(values: Record<string, unknown>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const parts = name.split(".");
    let at = payload;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts[parts.length - 1]] = value;
  }
  return payload;
}

const PROBES: unknown[] = ["x", "probe@example.test", "1", "true", "OPEN", { "\u0000probe": 1 }];

/** Every field the schema reads. */
export function fieldsOf(schema: z.ZodTypeAny): FieldSpec[] {
  const names = new Set(shapeNames(schema));
  const base = () => Object.fromEntries([...names].map((n) => [n, ""]));

  // Paths the schema complains about that no shape names: a field when some value there changes the complaint.
  for (let round = 0; round < 3; round++) {
    const before = names.size;
    const complained = complaints(schema, payloadOf(base()));
    for (const [path, message] of complained) {
      if (!path || names.has(path)) continue;
      const reacts = PROBES.some((probe) => complaints(schema, payloadOf({ ...base(), [path]: probe })).get(path) !== message);
      if (reacts) names.add(path);
    }
    if (names.size === before) break;
  }

  const fields: FieldSpec[] = [];
  const withoutPerm = complaints(schema, payloadOf(base()));
  const bogus = complaints(schema, payloadOf({ ...base(), [`${PERMISSION_FIELD_PREFIX}\u0000probe`]: "view" }));
  const readsPermissions = !sameComplaints(withoutPerm, bogus);

  for (const name of names) {
    const file = complaints(schema, payloadOf({ ...base(), [name]: new File(["probe"], "probe.csv", { type: "text/csv" }) })).get(name);
    const textual = complaints(schema, payloadOf({ ...base(), [name]: "probe" })).get(name);
    fields.push({ name, kind: !file && textual ? "file" : "text" });
  }
  if (readsPermissions) {
    for (const section of SECTIONS) {
      const name = `${PERMISSION_FIELD_PREFIX}${section}`;
      const accepted = !sameComplaints(complaints(schema, payloadOf({ ...base(), [name]: "view" })), bogus);
      if (accepted) fields.push({ name, kind: "permission" });
    }
  }
  return fields.sort((a, b) => a.name.localeCompare(b.name));
}

/** The value conform handed the schema at a field's name (`perm.orders` → payload.perm.orders). */
export function valueAt(payload: Record<string, unknown>, name: string): unknown {
  let at: unknown = payload;
  for (const part of name.split(".")) {
    if (!at || typeof at !== "object") return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}
