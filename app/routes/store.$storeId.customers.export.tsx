// POST /store/:storeId/customers/export → the store's customers as a CSV file (customers:manage).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/lib/csv.server";
import { requireSection } from "~/services/guards.server";
import { exportCustomers } from "~/services/customers-csv.server";
import { sectionActor } from "~/services/section-actor.server";

/** Exporting is a POST (it is logged); a GET here only leads to the import page, which offers it. */
export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireSection(args, args.params.storeId, "customers", "manage");
  return redirect(`/store/${actor.store.id}/customers/import`);
}

/** No fields: the export is every customer of the store, streamed (lib/csv.server.ts). */
export async function action(args: ActionFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "customers", "manage");
  const { fileName, header, rows } = await exportCustomers(sectionActor(context));
  return csvResponse(fileName, header, rows);
}
