import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireSection } from "~/services/guards.server";
import { pendingRequestBadge } from "~/services/store-frame.server";

/** Pending requests first when there are any; the staff list otherwise. */
export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireSection(args, args.params.storeId, "staff", "view");
  const pending = await pendingRequestBadge(actor);
  const url = new URL(args.request.url);
  return redirect(`/store/${actor.store.id}/users/${pending > 0 ? "requests" : "staff"}${url.search}`);
}

// A page route, not a resource route: a refusal then renders the framed 403/404 page, not raw JSON.
export default function RedirectOnly() {
  return null;
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteErrorBoundary";
