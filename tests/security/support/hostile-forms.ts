// Hostile submissions for one action, built from the fields its schema reads (support/schema-fields.ts)
// and the valid form of its matrix row. Every field gets every mutation — its value replaced by a hostile
// one, left out, repeated (hostile values only; the original then a hostile one; a hostile one then the
// original), sent as a file — and the valid form is sent with fields no schema names added (an owner
// flag, another store, another user, the staff permission…). Random combinations of all of these follow.
// The in-process fuzz runs them all; the HTTP suite a sample.
import fc from "fast-check";
import type { FieldSpec } from "./schema-fields";
import type { World } from "./world";

export type Value = string | { file: string };
export type Entry = [string, Value];

export type MutationKind = "replaced" | "markup" | "missing" | "repeated" | "original-then-hostile" | "hostile-then-original" | "file";
/** `markup`: replaced by HTML and script (what a page must then show as text). */
export const MUTATIONS: MutationKind[] = ["replaced", "markup", "missing", "repeated", "original-then-hostile", "hostile-then-original", "file"];

export interface Mutation {
  field: string;
  kind: MutationKind;
  /** The values sent (for repeated kinds, in order). */
  values: Value[];
}

export interface HostileCase {
  label: string;
  entries: Entry[];
  /** What each schema field was made to carry (checked against what conform handed the schema). */
  mutations: Mutation[];
  /** Field names no schema of this action reads. */
  extras: string[];
  /** What the case must get, when that is known in advance. */
  expect?: "accepted" | "refused";
}

export const EXTRAS_ACCEPTED = "the valid form with every extra field the schema must ignore";

// ------------------------------------------------------------------------------------------------
// Hostile values

const SQL = ["' OR '1'='1", "'; DROP TABLE \"User\"; --", "1; SELECT pg_sleep(5)--", "\\'", "%' AND 1=1 --", "$1", "::uuid"];
export const MARKUP = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)", "<svg/onload=alert(1)>", "</textarea><script>alert(1)</script>", "{{7*7}}", "${7*7}"];
const WEIRD = [
  "",
  " ",
  "\u0000",
  "\u202Eevil\u202C",
  "\u200B",
  "\uFEFF",
  "\r\n",
  "\t",
  "😀".repeat(50),
  "é".normalize("NFD"),
  "NaN",
  "-1",
  "1e309",
  "0x10",
  "99999999999999999999",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  '{"__proto__":{"admin":true}}',
  "__proto__",
  "constructor",
  "00000000-0000-0000-0000-000000000000",
  "../../etc/passwd",
  "%00",
  "%0d%0aSet-Cookie: x=1",
];
/** Plausible values of the app's own fields (a valid choice in the wrong field is hostile too). */
const PLAUSIBLE = ["view", "manage", "none", "ACTIVE", "OPEN", "FULFILLED", "BASIC", "EUR", "true", "false", "on", "fr", "owner@security.test"];

/** Under the server's 256 kB body limit: the values reach the action (over it is the edge suite's and the HTTP suite's business). */
export const hostileValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SQL, ...MARKUP, ...WEIRD) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom(1_001, 5_001, 20_000, 200_000).map((n) => "x".repeat(n)) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom(...PLAUSIBLE) },
);

/** Fields a form must never set, with values that would matter if they got through: another store's, another person's, an owner flag. */
export function extraFields(world: World): Entry[] {
  return [
    ["isOwner", "true"],
    ["storeId", world.otherStore.id],
    ["userId", world.people.otherOwner.id],
    ["organizationId", world.orgB.id],
    ["perm.staff", "manage"],
    ["permissions", "staff_manage"],
    ["role", "OWNER"],
    ["status", "APPROVED"],
    ["state", "MANAGED"],
    ["plan", "ADVANCED"],
    ["email", "attacker@evil.test"],
    ["domain", world.otherStore.domain],
    ["collaboratorCode", "0000"],
    ["passwordHash", "x"],
    ["id", world.foreign.customer],
    ["requestedById", world.people.partnerB.id],
    ["accessId", world.foreign.access],
    ["requestId", world.foreign.request],
    ["__proto__", "x"],
    ["perm.__proto__", "manage"],
    ["perm.bogus", "manage"],
  ];
}

/** The ids an extra field carries: never set aside as "differs by nature" when two runs are compared. */
export const extraValues = (world: World) => extraFields(world).map(([, v]) => String(v));

// ------------------------------------------------------------------------------------------------
// Cases

/** A browser posts an untouched empty input as ""; a permission the picker leaves alone, the same. */
function originalOf(field: FieldSpec, base: Entry[]): string {
  const given = base.find(([k]) => k === field.name)?.[1];
  if (given !== undefined) return typeof given === "string" ? given : given.file;
  return field.kind === "permission" ? "view" : "";
}

let markupAt = 0;

function mutate(field: FieldSpec, kind: MutationKind, base: Entry[], hostile: () => string, asFile: boolean): { entries: Entry[]; mutation: Mutation } {
  const given = base.find(([k]) => k === field.name)?.[1];
  const original = given === undefined ? originalOf(field, []) : typeof given === "string" ? given : given.file;
  const wrap = (v: string): Value => (asFile ? { file: v } : v);
  const others = base.filter(([k]) => k !== field.name);
  const at = Math.max(0, base.findIndex(([k]) => k === field.name));
  let values: Value[];
  switch (kind) {
    case "replaced":
      values = [wrap(hostile())];
      break;
    case "markup":
      values = [wrap(MARKUP[markupAt++ % MARKUP.length])];
      break;
    case "missing":
      values = [];
      break;
    case "repeated":
      values = [wrap(hostile()), wrap(hostile())];
      break;
    case "original-then-hostile":
      values = [wrap(original), wrap(hostile())];
      break;
    case "hostile-then-original":
      values = [wrap(hostile()), wrap(original)];
      break;
    case "file":
      // A file field gets text instead (its opposite); a text field a file.
      values = [asFile ? hostile() : { file: hostile() }];
      break;
  }
  const entries = [...others.slice(0, at), ...values.map((v): Entry => [field.name, v]), ...others.slice(at)];
  return { entries, mutation: { field: field.name, kind, values } };
}

/**
 * Every field × every mutation, the valid form with every extra field, each extra field alone, and then
 * `random` random combinations (a few fields mutated at once, extra fields added). `seed` makes the run
 * repeatable (failures print it).
 */
export function hostileCases(options: {
  fields: FieldSpec[];
  /** The row's valid form (intent first when it has one), with its placeholders filled. */
  base: [string, string][];
  /** Fields sent as files (a multipart row's). */
  fileFields?: string[];
  extras: Entry[];
  random: number;
  seed: number;
}): HostileCase[] {
  const { fields, base, extras } = options;
  const fileFields = new Set(options.fileFields ?? []);
  const intent = base.filter(([k]) => k === "intent") as Entry[];
  const rest = base.filter(([k]) => k !== "intent");
  const names = new Set(fields.map((f) => f.name));
  const usableExtras = extras.filter(([k]) => !names.has(k) && k !== "intent");
  const pool = fc.sample(hostileValue, { numRuns: 4 * (fields.length * MUTATIONS.length + options.random) + 16, seed: options.seed });
  let drawn = 0;
  const hostile = () => pool[drawn++ % pool.length];
  const wrapBase = (): Entry[] => rest.map(([k, v]) => [k, fileFields.has(k) ? { file: v } : v] as Entry);

  const cases: HostileCase[] = [];
  for (const field of fields) {
    for (const kind of MUTATIONS) {
      const { entries, mutation } = mutate(field, kind, wrapBase(), hostile, fileFields.has(field.name));
      cases.push({ label: `${field.name} ${kind}`, entries: [...intent, ...entries], mutations: [mutation], extras: [] });
    }
  }
  // A schema that reads the permission picker refuses a section it does not know (perm.staff on a
  // collaborator's form, perm.bogus): those are tried one by one, and must be refused. Every other extra
  // field must be ignored: all of them at once on the valid form, which must then be accepted. (conform
  // never hands a schema a `__proto__` key, so perm.__proto__ is one to ignore.)
  const picker = fields.some((f) => f.kind === "permission");
  const refusedExtras = picker ? usableExtras.filter(([k]) => k.startsWith("perm.") && !k.endsWith(".__proto__")) : [];
  const ignoredExtras = usableExtras.filter((e) => !refusedExtras.includes(e));
  cases.push({ label: EXTRAS_ACCEPTED, entries: [...intent, ...wrapBase(), ...ignoredExtras], mutations: [], extras: ignoredExtras.map(([k]) => k), expect: "accepted" });
  for (const extra of refusedExtras) cases.push({ label: `${extra[0]} beside the picker's own sections`, entries: [...intent, ...wrapBase(), extra], mutations: [], extras: [extra[0]], expect: "refused" });

  const random = fc.sample(
    fc.record({
      mutated: fc.subarray(fields, { maxLength: Math.min(3, fields.length) }),
      kinds: fc.array(fc.constantFrom(...MUTATIONS), { minLength: 3, maxLength: 3 }),
      extra: fc.subarray(usableExtras, { maxLength: Math.min(3, usableExtras.length) }),
      noise: fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.boolean()), { maxLength: 2 }),
    }),
    { numRuns: options.random, seed: options.seed + 1 },
  );
  for (const [i, r] of random.entries()) {
    let entries = wrapBase();
    const mutations: Mutation[] = [];
    r.mutated.forEach((field, j) => {
      const done = mutate(field, r.kinds[j], entries, hostile, fileFields.has(field.name));
      entries = done.entries;
      mutations.push(done.mutation);
    });
    const noise = r.noise.filter(([k]) => k && !names.has(k) && k !== "intent" && !k.startsWith("perm.")).map(([k, file]): Entry => [k, file ? { file: hostile() } : hostile()]);
    const added = [...r.extra, ...noise];
    cases.push({ label: `random #${i}: ${mutations.map((m) => `${m.field} ${m.kind}`).join(", ") || "no field mutated"}${added.length ? ` + ${added.map(([k]) => k).join(", ")}` : ""}`, entries: [...intent, ...entries, ...added], mutations, extras: added.map(([k]) => k) });
  }
  return cases;
}

/** The same submission without the fields no schema reads: what a clean run must write the same way. */
export const withoutExtras = (c: HostileCase, fieldNames: Set<string>): Entry[] => c.entries.filter(([k]) => k === "intent" || fieldNames.has(k));

export function formDataOf(entries: Entry[]): FormData {
  const body = new FormData();
  for (const [key, value] of entries) {
    if (typeof value === "string") body.append(key, value);
    else body.append(key, new Blob([value.file], { type: "text/csv" }), "upload.csv");
  }
  return body;
}

/** For failure messages: long runs shortened. */
export const short = (value: unknown) => {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return (text ?? "").replace(/(.)\1{40,}/g, (run, c: string) => `${c}×${run.length}`).slice(0, 600);
};
