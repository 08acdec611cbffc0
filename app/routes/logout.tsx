import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearSessionCookie, sessionToken } from "~/services/guards.server";
import { endSession } from "~/services/sessions.server";

export async function loader() {
  return redirect("/");
}

// No fields: the session cookie says whose session ends.
export async function action(args: ActionFunctionArgs) {
  await endSession(sessionToken(args.request));
  return redirect("/login", { headers: { "Set-Cookie": clearSessionCookie() } });
}
