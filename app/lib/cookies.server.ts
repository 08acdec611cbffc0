import { parse, serialize } from "cookie";
import { isProduction } from "./env.server";

/** `__Host-` in production: the browser then insists on Secure, Path=/ and no Domain. */
export function sessionCookieName(): string {
  return isProduction() ? "__Host-portier_session" : "portier_session";
}

/** The trusted-device cookie (README, "Device cookies"); `__Host-` in production, like the session's. */
export function deviceCookieName(): string {
  return isProduction() ? "__Host-portier_device" : "portier_device";
}

/**
 * The `cookie` package's parser: a value that is not valid percent-encoding (`%zz`, a cut-off `%E0%A4%A`)
 * comes back as it was sent instead of throwing, so a malformed cookie is just a value no session or
 * setting matches, never a server error.
 */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  return parse(header)[name];
}

export function serializeCookie(name: string, value: string, options: { maxAgeSeconds?: number; httpOnly?: boolean } = {}): string {
  return serialize(name, value, {
    path: "/",
    sameSite: "lax",
    httpOnly: options.httpOnly !== false,
    secure: isProduction(),
    maxAge: options.maxAgeSeconds,
  });
}
