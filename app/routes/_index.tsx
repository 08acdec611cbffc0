import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "~/services/guards.server";
import { landingPath, listWorkspaces } from "~/services/workspaces.server";

/** After sign-in a person lands where they belong; with several places (or none), they choose. */
export async function loader(args: LoaderFunctionArgs) {
  const session = await getSessionUser(args);
  if (!session) return redirect("/login");
  const target = landingPath(await listWorkspaces(session.user.id));
  return redirect(target ?? "/account");
}
