import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/services/guards.server";

/** The dashboard's front page is its Stores page. */
export async function loader(args: LoaderFunctionArgs) {
  const { organization } = await requireMember(args, args.params.orgId);
  return redirect(`/partners/${organization.id}/stores`);
}

// A page route, not a resource route: a refusal then renders the framed 403/404 page, not raw JSON.
export default function RedirectOnly() {
  return null;
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteErrorBoundary";
