// POST /store/:storeId/activity.csv — every matching entry of the store's activity log, streamed.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireSection, requestMeta } from "~/lib/auth.server";
import { readForm } from "~/lib/http.server";
import { activityFilters } from "~/domain/activity-log";
import { activityCsv } from "~/services/store-home.server";

/** Exporting is a POST (the export itself is logged, and no GET changes state); a GET leads to Home. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSection(request, params.storeId, "home", "view");
  return redirect(`/store/${actor.store.id}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSection(request, params.storeId, "home", "view");
  const form = await readForm(request);
  const fields = new URLSearchParams();
  for (const key of ["kind", "person"]) {
    const value = form.get(key);
    if (typeof value === "string") fields.set(key, value);
  }
  const filters = activityFilters(fields);
  const rows = activityCsv(actor, actor.store.id, filters, requestMeta(request).ip);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  const handle = actor.store.domain.split(".")[0];
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${handle}-activity-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
