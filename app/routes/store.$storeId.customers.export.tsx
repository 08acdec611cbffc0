// POST /store/:storeId/customers/export → the store's customers as a CSV file (customers:manage).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requestMeta, requireSection } from "~/lib/auth.server";
import { exportCustomers } from "~/services/customers-csv.server";
import { sectionActor } from "~/services/section-actor.server";

/** Exporting is a POST (it is logged); a GET here only leads to the import page, which offers it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSection(request, params.storeId, "customers", "manage");
  return redirect(`/store/${actor.store.id}/customers/import`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireSection(request, params.storeId, "customers", "manage");
  const { fileName, csv } = await exportCustomers(sectionActor(context, requestMeta(request).ip));
  // The byte-order mark tells spreadsheets the file is UTF-8, so accents survive.
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
