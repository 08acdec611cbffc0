// Responses the routes share: one place for 403/404 so every screen shows the same framed error page.
import { data } from "@remix-run/node";
import { isBodyTooLarge } from "./body-limit.server";

export function forbidden(): never {
  throw data({ reason: "forbidden" }, { status: 403 });
}

export function notFound(): never {
  throw data({ reason: "notFound" }, { status: 404 });
}

export function badRequest<T>(body: T) {
  return data(body, { status: 400 });
}

/**
 * The posted form, or a 400 with a form error when the body is not a form (JSON, plain text, a broken
 * multipart body), or the framed 413 page when it is larger than this address accepts (server.mjs cuts
 * it off there): hostile input gets a clear refusal, never a server error.
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch (error) {
    if (isBodyTooLarge(error)) throw data({ reason: "tooLarge", limit: (error as { limit?: number }).limit }, { status: 413 });
    throw data({ errors: { form: "errors.stale" } }, { status: 400 });
  }
}
