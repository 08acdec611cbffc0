import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearSessionCookie, sessionToken } from "~/lib/auth.server";
import { endSession } from "~/services/sessions.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await endSession(sessionToken(request));
  return redirect("/login", { headers: { "Set-Cookie": clearSessionCookie() } });
}
