// Work shared by the loaders of one HTTP request. Remix runs the root, layout and page loaders side by
// side and hands each its own copy of the Request; all of them get the same load context, which
// server.mjs makes afresh for every request.
//
// Only calls still in flight are shared: an entry leaves the moment it settles. That is exactly the
// loaders that start together, nothing outlives the request, and the loaders that run after an action
// read afresh what the action may have changed.
import type { AppLoadContext } from "./load-context";

export function sharedWithinRequest<T>(context: AppLoadContext, key: string, load: () => Promise<T>): Promise<T> {
  const inFlight = context.shared;
  if (!inFlight) return load();
  const running = inFlight.get(key) as Promise<T> | undefined;
  if (running) return running;
  const started = load();
  inFlight.set(key, started);
  const forget = () => inFlight.delete(key);
  started.then(forget, forget);
  return started;
}
