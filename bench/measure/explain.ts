// The hot queries whose plans the README shows: what the measured pages and actions run, called through
// bench/app.ts on the seeded world, explained by plans.ts. A piece that throws means the bench no longer
// calls the app the way the app works: the run fails rather than publish plans of an error path.
import * as app from "../app";
import type { BenchDatabase } from "../database";
import { fail } from "../failure";
import type { Fixtures } from "../fixtures";
import { log } from "../progress";
import { fmt } from "../report/format";
import { orgId, refusedRequest, storeId, type WorldPlan } from "../world";
import { explainHotQueries, type ExplainedQuery } from "./plans";

export async function explainHotPaths(database: BenchDatabase, plan: WorldPlan, fixtures: Fixtures, storeName: string): Promise<ExplainedQuery[]> {
  log("EXPLAIN (ANALYZE) of the hot queries…");
  const explained = await explainHotQueries(database, [
    { name: "Partner Stores page: first page", run: () => app.partnerStoresPage(orgId(1)) },
    {
      name: "Partner Stores page: second page (cursor after row 25: the most rows after the cursor)",
      run: () => app.partnerStoresPage(orgId(1), fixtures.secondPageCursor),
    },
    { name: `Partner Stores page: deep page (cursor after row ${fixtures.deepPosition})`, run: () => app.partnerStoresPage(orgId(1), fixtures.deepCursor) },
    { name: "Partner pages: membership check, with the organization's pending counter (N of 10)", run: () => app.partnerMembership(orgId(1)) },
    { name: "Every framed page: the workspace switcher (organizations and stores of the person, one statement)", run: () => app.workspaceSwitcher() },
    { name: "Every store page: the store actor (the person's staff account and the store), then both navigation badges", run: () => app.storeFrame(storeId(1)) },
    { name: "Store Home: activity log, first page", run: () => app.activityLog(storeId(1)) },
    { name: "Store Home: activity log, first page, of store 3 (0.3 % of the log)", run: () => app.activityLog(storeId(3)) },
    { name: "Store Home: people in the log (person filter; loose index scan on (storeId, actorUserId, id))", run: () => app.activityPeople(storeId(1)) },
    { name: "Store Home: notifications", run: () => app.notifications(storeId(1)) },
    { name: "Users and permissions: staff list", run: () => app.staffList(storeId(1)) },
    { name: "Orders list: first page", run: () => app.ordersPage(storeId(1), storeName) },
    { name: "Request access: the checks (refused at the cap)", run: () => app.requestAccessAtCap(orgId(1), refusedRequest(plan)) },
  ]);
  for (const query of explained) {
    if (query.error) fail(`EXPLAIN of "${query.name}": the app code failed: ${query.error}`);
    const time = query.statements.reduce((sum, s) => sum + (s.executionMs ?? 0), 0);
    const seq = query.statements.flatMap((s) => s.seqScans);
    log(
      `  ${query.name}: ${query.statements.length} SELECTs, ${fmt(time, 2)} ms; indexes ${[...new Set(query.statements.flatMap((s) => s.indexes))].join(", ") || "none"}` +
        (seq.length ? `; SEQ SCAN on ${[...new Set(seq)].join(", ")}` : ""),
    );
  }
  return explained;
}
