// Plain HTTP against the app server: no browser, no cookie jar, redirects not followed, so every test
// sees exactly what the server answered.
export const SESSION_COOKIE = "__Host-portier_session";

export interface Sent {
  status: number;
  location: string | null;
  headers: Headers;
  body: string;
}

export interface RequestOptions {
  token?: string;
  /** Form fields; repeated keys allowed. */
  form?: [string, string][] | Record<string, string>;
  /** Overrides the Origin header; `null` sends none. Non-GET requests send the app's origin by default. */
  origin?: string | null;
  method?: string;
  headers?: Record<string, string>;
  body?: BodyInit;
}

export async function send(baseUrl: string, path: string, options: RequestOptions = {}): Promise<Sent> {
  const method = options.method ?? (options.form || options.body ? "POST" : "GET");
  const headers: Record<string, string> = { "user-agent": "portier-security-suite", ...options.headers };
  if (options.token) headers.cookie = `${SESSION_COOKIE}=${options.token}`;
  if (method !== "GET" && method !== "HEAD") {
    const origin = options.origin === undefined ? baseUrl : options.origin;
    if (origin !== null) headers.origin = origin;
  }
  let body = options.body;
  if (options.form) {
    const params = new URLSearchParams();
    for (const [key, value] of Array.isArray(options.form) ? options.form : Object.entries(options.form)) params.append(key, value);
    body = params;
  }
  const response = await fetch(new URL(path, baseUrl), { method, headers, body, redirect: "manual" });
  return { status: response.status, location: response.headers.get("location"), headers: response.headers, body: await response.text() };
}

/** The cookie value set by a response, or undefined. */
export function setCookie(sent: Sent, name = SESSION_COOKIE): { value: string; attributes: string[] } | undefined {
  for (const header of sent.headers.getSetCookie()) {
    const [pair, ...attributes] = header.split(";").map((s) => s.trim());
    const [key, ...rest] = pair.split("=");
    if (key === name) return { value: decodeURIComponent(rest.join("=")), attributes };
  }
  return undefined;
}
