// POST /partners/:orgId/activity.csv — every entry of the organization's activity log that the page's
// filters match, streamed (lib/csv.server.ts).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound, readForm } from "~/lib/http.server";
import { csvResponse } from "~/lib/csv.server";
import { invalidSubmission } from "~/lib/respond.server";
import { requireMember } from "~/services/guards.server";
import { exportPartnerActivity, PARTNER_CSV_HEADER } from "~/services/partner-activity.server";
import { parseSubmission } from "~/domain/forms";
import { partnerActivityExportSchema } from "~/domain/activity-log";

/** The filters of the page the export was asked from. */
export const schema = partnerActivityExportSchema;

/** Exporting is a POST (the export itself is logged); a GET leads to the log. */
export async function loader(args: LoaderFunctionArgs) {
  const { organization } = await requireMember(args, args.params.orgId);
  return redirect(`/partners/${organization.id}/activity`);
}

export async function action(args: ActionFunctionArgs) {
  const { organization, session, ip } = await requireMember(args, args.params.orgId);
  const submission = parseSubmission(await readForm(args.request), schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const rows = await exportPartnerActivity(session.user, organization.id, submission.value, ip);
  // The membership ended between the guard and the export.
  if (!rows) notFound();
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(`organization-activity-${day}.csv`, PARTNER_CSV_HEADER, rows);
}
