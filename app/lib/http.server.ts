// Responses the routes share: one place for 403/404 so every screen shows the same framed error page.
import { data } from "@remix-run/node";

export function forbidden(): never {
  throw data({ reason: "forbidden" }, { status: 403 });
}

export function notFound(): never {
  throw data({ reason: "notFound" }, { status: 404 });
}

export function badRequest<T>(body: T) {
  return data(body, { status: 400 });
}

/** The client's address as the app sees it (behind a proxy, set TRUST_PROXY so X-Forwarded-For is used). */
export function clientAddress(request: Request): string {
  const forwarded = process.env.TRUST_PROXY ? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  return forwarded || request.headers.get("x-portier-remote-address") || "unknown";
}

/**
 * The posted form, or a 400 with a form error when the body is not a form (JSON, plain text, a broken
 * multipart body): hostile input gets a clear refusal, never a server error.
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw data({ errors: { form: "errors.stale" } }, { status: 400 });
  }
}
