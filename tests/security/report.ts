// The README's Security table, made from a run's own figures (tests/security/results/*.json, written by
// scripts/test-security.mjs), never typed by hand.
//
//   npm run security:report                         prints the table of the last run (results/latest.json)
//   npm run security:report -- <results.json>        … of that file
//   npm run security:report -- --readme [file]      writes the table of the last full run
//                                                    (results/last-full-run.json, or the file given) into
//                                                    README.md between the <!-- security-report:table -->
//                                                    and <!-- /security-report:table --> lines; nothing
//                                                    else in the file changes
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

interface Results {
  finishedAt: string;
  command: string;
  full: boolean;
  passed: boolean;
  seconds: number;
  database: string;
  machine: { cpus: number; node: string };
  knobs: Record<string, string>;
  notes?: Record<string, string | number>;
  suites: { file: string; passed: number; failed: number; skipped: number; seconds: number }[];
  figures: Record<string, { label: string; value: number }>;
  markers: { bug: string; fails: string; where: string }[];
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const RESULTS = path.join(ROOT, "tests/security/results");

const number = (n: number) => n.toLocaleString("en-US");

export function securityTable(results: Results): string {
  const f = (key: string) => {
    const figure = results.figures[key];
    if (!figure) throw new Error(`the results have no figure "${key}": was the run complete?`);
    return number(figure.value);
  };
  const tests = results.suites.reduce((n, s) => n + s.passed, 0);
  const rows: [string, string, string][] = [
    [
      "Nobody gets in where they don't belong (ASVS V8)",
      "`tests/security/authorization-matrix.ts` is **one table** of every route file (loader, and each action intent) × 13 kinds of actor: anonymous, partner of the owning organization, partner of another, collaborator with view / with manage / without the section, staff with view / with manage / without the section, locked staff, archived staff, owner of the store, owner of another store. `matrix.test.ts` walks it over HTTP against the production build (`node server.mjs`, `NODE_ENV=production`) and fails on any cell that differs, on a route file or an action intent (the keys of its exported `forms`) the table does not list, and on any row a refused request or a GET wrote (a trigger on every table of the test database logs each row written). An allowed cell must also do what it is for: a page shows the record it was asked for, an action writes the rows it exists for (and its toast in the session's flash) and nothing outside its tables. Each cell acts on records made for it alone, and everything it wrote is put back afterwards. `/healthz` and `/readyz` are public: the same 200 for everyone, with no session, a broken one or an expired one.",
      `${f("matrix.routeFiles")} route files, ${f("matrix.rows")} rows × 13 actors; **${f("matrix.cells")} cells** walked (${f("matrix.dataCells")} of them again through Remix's data requests, ${f("matrix.crossTenant")} cross-tenant cases: another store's or organization's records in URLs and form fields); **${f("matrix.effects")}** allowed cells whose effect was checked`,
    ],
    [
      "No cross-site forgery; GET never changes state",
      "Every action is sent with a foreign Origin, no Origin, `Origin: null`, the same host on another port or scheme, and a look-alike suffix: each must be a 403 that changes nothing (and the same request from the site itself succeeds). Other methods are 405. Every GET cell of the matrix must write no row at all.",
      `6 origins × ${f("matrix.actions")} actions`,
    ],
    [
      "Sessions (ASVS V7)",
      "The cookie is `__Host-portier_session`, HttpOnly, Secure, SameSite=Lax, Path=/, no Domain, expiring; only its SHA-256 is stored; sign-in always issues a new id (a planted cookie is never adopted); sign-out, expiry, locking a staff account, removing or suspending a collaborator end the session on the server on the very next request; two app instances share sessions.",
      `${f("sessions.requests")} requests (with the code throttle over HTTP)`,
    ],
    [
      "Headers and CSP (ASVS V3)",
      "Every page of the matrix, as five kinds of person, carries a nonce-based CSP (`default-src 'self'`, no `unsafe-inline` for scripts, `frame-ancestors 'none'`, `object-src 'none'`, `base-uri 'none'`, `form-action 'self'`), `X-Content-Type-Options: nosniff`, `Referrer-Policy: same-origin`, `X-Frame-Options: DENY`, HSTS. Chromium loads every page each of them may open, signs in through the form, navigates client-side and opens a dialog, and reports **no CSP violation** (and a test checks that the detector does catch an injected inline script).",
      `${f("csp.pages")} pages in Chromium`,
    ],
    [
      "Bad input never breaks anything, and never gets further than its field",
      "The fuzz reads every field of every action from the schema its route exports (`schema`, or `forms` per intent; through transforms, records and the permission picker's `perm.<section>` fields) and calls the route's own `action` in-process, with a real request and a client address of its own per case. Every field is replaced by hostile values (random Unicode, 200,000-character strings, control and RTL characters, NUL, SQL and HTML fragments), left out, repeated (hostile only; original then hostile; hostile then original), sent as a file; the valid form is sent with fields no schema reads (`isOwner`, `storeId`, `userId`, `organizationId`, `perm.staff`, `role`, `status`…); random combinations follow. What conform hands the schema is recorded: the values must reach it as sent (repeated fields as lists). Each answer is 2xx/3xx or a 4xx in conform's reply shape, never a server error; a refused submission writes nothing (failed sign-ins and code attempts excepted: the throttles' memory); an accepted one writes exactly what the same submission without its extra fields writes on the same target (ids, times and tokens aside), and the pages that show what it stored, rendered by the production build, hold no script, handler or raw markup from it. Every case starts from the same target, put back row by row. A sample goes over HTTP, with bodies over the 256 kB limit, non-form bodies and an 8 MB form. Property tests cover store URL normalisation, permission parsing, the redirect after sign-in, the code comparison and CSV formula injection; the edge suite sends raw methods, cookies, headers and bodies.",
      `**${f("fuzz.cases")}** hostile submissions in-process at ${f("fuzz.actions")} actions (${f("fuzz.fields")} schema fields), ${f("fuzz.reachedSchema")} seen reaching the schema, ${f("fuzz.accepted")} accepted, ${f("fuzz.compared")} compared with their clean twin, ${f("fuzz.pages")} pages checked; **${f("http.cases")}** over HTTP (+ ${f("http.overLimit")} over the limit, ${f("http.notForms")} non-form bodies); **${f("properties.cases")}** property cases; ${f("edge.requests")} raw requests at the edge`,
    ],
    [
      "The rules hold under load, across instances",
      "On real PostgreSQL, many rounds of each race of the product with truly concurrent connections: 50 simultaneous requests against the cap of 10, 20 simultaneous requests for one store, approve vs cancel vs decline, staff invitation vs collaborator request for the same person, 8 invitations for 2 seats. After every round, 12 invariants are checked over the whole database in SQL (`tests/security/support/invariants.ts`). The same races run over HTTP through **two app server processes** sharing one PostgreSQL.",
      `**${f("stress.rounds")} rounds** (${f("stress.calls")} concurrent service calls) in one process; **${f("instances.rounds")} rounds** (${f("instances.requests")} simultaneous requests) across **${f("instances.servers")} instances**`,
    ],
    [
      "Faults leave no trace",
      "A trigger makes the email outbox (or the activity log, or the notification) insert fail inside request, approve, remove and invite: the whole database is unchanged afterwards and the same request then succeeds. A real SMTP server (`smtp-server`) is down, then refuses with 451, goes down again mid-run, and comes back with two deliverers side by side: every outbox row arrives **exactly once**; a server that answers after 20 s delays mail, not pages; `SIGTERM` mid-delivery hands the rest to the next instance.",
      `${f("shutdown.mails")} mails across a graceful restart; ${f("slowMail.requests")} page requests timed while SMTP hangs`,
    ],
    [
      "The activity log (ASVS V16)",
      "A full journey through the services (wrong code, request, approve, edit, suspend, resume, log in, remove, remove from list, cancel, decline, give back, staff invite/accept/lock/unlock/archive/unarchive/permissions/remove, code regenerated, requirement off) must produce exactly the expected entries, in order, each with who, what, when, from which address, on which store and organization; no password, code or token appears anywhere in the log; the database refuses UPDATE, DELETE and TRUNCATE; no code in `app/` writes to the log other than by inserting.",
      `${f("activity.events")} events`,
    ],
  ];
  const escape = (text: string) => text.replace(/\|/g, "\\|");
  const lines = ["| guarantee | how it is checked | figures |", "|---|---|---|", ...rows.map((row) => `| ${row.map(escape).join(" | ")} |`)];
  const day = results.finishedAt.slice(0, 10);
  const markers = results.markers.length
    ? `${results.markers.length} known-bug marker(s) used: ${results.markers.map((m) => `${m.bug} (at ${m.where})`).join("; ")}.`
    : "No known-bug marker was used.";
  const knobs = Object.keys(results.knobs).length ? ` with ${Object.entries(results.knobs).map(([k, v]) => `${k}=${v}`).join(", ")}` : " with the default sizes";
  const seeds = results.notes?.["fuzz.seed"] !== undefined ? ` Fuzz seeds: ${results.notes["fuzz.seed"]} in-process, ${results.notes["http.seed"]} over HTTP (\`SECURITY_FUZZ_SEED\`).` : "";
  lines.push(
    "",
    `Figures of \`${results.command}\` on ${day}${knobs}: ${results.passed ? "passed" : "FAILED"}, ${results.suites.length} suite files, ${number(tests)} tests, ${results.seconds} s on ${results.machine.cpus} cores (${results.database}, Node ${results.machine.node}). ${markers}${seeds}`,
    "",
    "| suite | tests | seconds |",
    "|---|---|---|",
    ...results.suites.map((s) => `| \`${path.basename(s.file)}\` | ${s.passed}${s.failed ? ` (${s.failed} failed)` : ""} | ${s.seconds} |`),
  );
  return lines.join("\n");
}

function readResults(file: string): Results {
  if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} does not exist: run npm run test:security first`);
  return JSON.parse(readFileSync(file, "utf8")) as Results;
}

/** Replaces what stands between the block's marker lines (whole lines only: the prose may name them). */
export function intoReadme(readme: string, block: string): string {
  const lines = readme.split("\n");
  const start = lines.indexOf("<!-- security-report:table -->");
  const end = lines.indexOf("<!-- /security-report:table -->");
  if (start < 0 || end < start) throw new Error("README.md has no <!-- security-report:table --> … <!-- /security-report:table --> block");
  return [...lines.slice(0, start + 1), block, ...lines.slice(end)].join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const toReadme = args.includes("--readme");
  const given = args.find((arg) => arg !== "--readme");
  const file = given ? path.resolve(given) : path.join(RESULTS, toReadme ? "last-full-run.json" : "latest.json");
  const results = readResults(file);
  const table = securityTable(results);
  if (toReadme) {
    if (!results.full || !results.passed) throw new Error(`${path.relative(ROOT, file)} is not a full, passing run: the README quotes only those`);
    const readme = path.join(ROOT, "README.md");
    writeFileSync(readme, intoReadme(readFileSync(readme, "utf8"), table));
    console.log(`README.md: the Security table now shows ${path.relative(ROOT, file)} (${results.finishedAt}).`);
  } else {
    console.log(table);
  }
}
