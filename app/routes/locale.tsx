import { readForm } from "~/lib/http.server";
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "~/lib/auth.server";
import { localeCookie } from "~/lib/locale.server";
import { isLocale } from "~/i18n";
import { safeRedirect } from "~/domain/auth";
import { setUserLocale } from "~/services/sessions.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = form.get("locale");
  const back = safeRedirect(form.get("redirectTo"));
  if (!isLocale(locale)) return redirect(back);
  const session = await getSessionUser(request);
  if (session) await setUserLocale(session.user.id, locale);
  return redirect(back, { headers: { "Set-Cookie": localeCookie(locale) } });
}
