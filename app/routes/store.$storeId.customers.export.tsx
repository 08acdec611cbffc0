// POST /store/:storeId/customers/export → the store's customers as a CSV file (customers:manage).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireSection } from "~/services/guards.server";
import { exportCustomers } from "~/services/customers-csv.server";
import { sectionActor } from "~/services/section-actor.server";

/** Exporting is a POST (it is logged); a GET here only leads to the import page, which offers it. */
export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireSection(args, args.params.storeId, "customers", "manage");
  return redirect(`/store/${actor.store.id}/customers/import`);
}

/** No fields: the export is every customer of the store. */
export async function action(args: ActionFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "customers", "manage");
  const { fileName, csv } = await exportCustomers(sectionActor(context));
  // The byte-order mark tells spreadsheets the file is UTF-8, so accents survive.
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
