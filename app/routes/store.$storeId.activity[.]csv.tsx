// POST /store/:storeId/activity.csv — every matching entry of the store's activity log, streamed.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { readForm } from "~/lib/http.server";
import { csvResponse } from "~/lib/csv.server";
import { invalidSubmission } from "~/lib/respond.server";
import { requireSection } from "~/services/guards.server";
import { CSV_HEADER, exportActivity } from "~/services/store-home.server";
import { parseSubmission } from "~/domain/forms";
import { activityExportSchema } from "~/domain/activity-log";

/** The filters of the page the export was asked from. */
export const schema = activityExportSchema;

/** Exporting is a POST (the export itself is logged, and no GET changes state); a GET leads to Home. */
export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireSection(args, args.params.storeId, "home", "view");
  return redirect(`/store/${actor.store.id}`);
}

export async function action(args: ActionFunctionArgs) {
  const { actor, ip } = await requireSection(args, args.params.storeId, "home", "view");
  const submission = parseSubmission(await readForm(args.request), schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const rows = await exportActivity(actor, actor.store.id, submission.value, ip);
  const day = new Date().toISOString().slice(0, 10);
  const handle = actor.store.domain.split(".")[0];
  return csvResponse(`${handle}-activity-${day}.csv`, CSV_HEADER, rows);
}
