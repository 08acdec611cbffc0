// POST /partners/:orgId/stores.csv — the organization's Stores list as the page filters it (tab and
// search), with state, permissions, granted and last-used dates, streamed (lib/csv.server.ts).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { notFound, readForm } from "~/lib/http.server";
import { csvResponse } from "~/lib/csv.server";
import { invalidSubmission } from "~/lib/respond.server";
import { requireMember } from "~/services/guards.server";
import { exportPartnerStores, STORES_CSV_HEADER } from "~/services/partner-stores.server";
import { parseSubmission } from "~/domain/forms";
import { STORE_FILTERS } from "~/domain/access-request";
import { parseListQuery } from "~/domain/section-list";

const STATES = STORE_FILTERS.filter((filter) => filter !== "all");

/** The page's tab and search, read as leniently as its address: an unknown tab is All. */
export const schema = z
  .object({ q: z.unknown(), status: z.unknown() })
  .transform(({ q, status }) => parseListQuery(new URLSearchParams({ q: typeof q === "string" ? q : "", status: typeof status === "string" ? status : "" }), STATES));

/** Exporting is a POST (it is logged); a GET leads to the Stores page. */
export async function loader(args: LoaderFunctionArgs) {
  const { organization } = await requireMember(args, args.params.orgId);
  return redirect(`/partners/${organization.id}/stores`);
}

export async function action(args: ActionFunctionArgs) {
  const { organization, session, ip } = await requireMember(args, args.params.orgId);
  const submission = parseSubmission(await readForm(args.request), schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const { q, status } = submission.value;
  const rows = await exportPartnerStores(session.user, organization.id, { filter: status || "all", query: q }, ip);
  // The membership ended between the guard and the export.
  if (!rows) notFound();
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(`stores-${day}.csv`, STORES_CSV_HEADER, rows);
}
