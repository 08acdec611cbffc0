// What server.mjs hands every loader and action of one HTTP request (Remix's load context): the client's
// address as the server determined it, the CSP nonce, and a place for lookups the loaders of this request
// share. Set by the server for this request alone; nothing here comes from a header a client could send.
declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
    /** The socket's peer, or behind trusted proxies the address they report (TRUST_PROXY). */
    clientAddress?: string;
    /** Lookups in flight, shared by the root, layout and page loaders of this request. */
    shared?: Map<string, Promise<unknown>>;
    /** This request's id: in the X-Request-Id answer header, the log, and on the error page. */
    requestId?: string;
    /** Who is signed in on this request, once a guard has looked (for the request log). */
    userId?: string;
  }
}

export type { AppLoadContext } from "@remix-run/node";

/** A loader's or an action's arguments, as far as the guards and helpers need them. */
export interface RequestArgs {
  request: Request;
  context: import("@remix-run/node").AppLoadContext;
}

export function clientAddressOf(args: RequestArgs): string {
  return args.context.clientAddress || "unknown";
}
