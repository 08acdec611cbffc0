import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "~/lib/auth.server";
import { landingPath, listWorkspaces } from "~/services/workspaces.server";

/** After sign-in a person lands where they belong; with several places (or none), they choose. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSessionUser(request);
  if (!session) return redirect("/login");
  const target = landingPath(await listWorkspaces(session.user.id));
  return redirect(target ?? "/account");
}
