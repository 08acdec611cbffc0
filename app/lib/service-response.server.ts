// Turns a store-admin service's answer into the route's response: success redirects (with a toast), a
// user mistake comes back as field errors with 400/409, and 403/404 render the framed error page.
import { data, redirect } from "@remix-run/node";
import type { FieldErrors } from "~/domain/forms";
import { forbidden, notFound } from "./http.server";

type Answer = { ok: true } | { ok: false; status: 400 | 403 | 404 | 409; errors: FieldErrors; params?: Record<string, string | number> };

export function respond(result: Answer, onSuccess: string, values?: Record<string, string>) {
  if (result.ok) return redirect(onSuccess);
  if (result.status === 404) notFound();
  if (result.status === 403) forbidden();
  return data({ errors: result.errors, params: result.params, values }, { status: result.status });
}

export function invalid(errors: FieldErrors, values?: Record<string, string>, params?: Record<string, string | number>) {
  return data({ errors, values, params }, { status: 400 });
}
