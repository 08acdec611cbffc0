import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { readForm } from "~/lib/http.server";
import { localeCookie } from "~/lib/locale.server";
import { invalidSubmission } from "~/lib/respond.server";
import { getSessionUser } from "~/services/guards.server";
import { setUserLocale } from "~/services/sessions.server";
import { parseSubmission } from "~/domain/forms";
import { safeRedirect } from "~/domain/auth";
import { isLocale } from "~/i18n";

// A language we do not have is not an error a person could fix: they simply go back where they were.
export const schema = z.object({ locale: z.string().optional(), redirectTo: z.string().optional() });

export async function loader() {
  return redirect("/");
}

export async function action(args: ActionFunctionArgs) {
  const submission = parseSubmission(await readForm(args.request), schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const { locale, redirectTo } = submission.value;
  const back = safeRedirect(redirectTo);
  if (!isLocale(locale)) return redirect(back);
  const session = await getSessionUser(args);
  if (session) await setUserLocale(session.user.id, locale);
  return redirect(back, { headers: { "Set-Cookie": localeCookie(locale) } });
}
