// Work shared by the loaders of one HTTP request. Remix runs the root, layout and page loaders side by
// side and hands each its own copy of the Request, so they cannot share through the Request object; they
// can through the id server.mjs stamps on every request (a client's header of that name is overwritten).
//
// Only calls still in flight are shared: an entry leaves the moment it settles. That is exactly the
// loaders that start together, nothing outlives the request, and the loaders that run after an action
// read afresh what the action may have changed.
export const REQUEST_ID_HEADER = "x-portier-request-id";

const inFlight = new Map<string, Promise<unknown>>();

export function sharedWithinRequest<T>(request: Request, key: string, load: () => Promise<T>): Promise<T> {
  const requestId = request.headers.get(REQUEST_ID_HEADER);
  if (!requestId) return load();
  const slot = `${requestId}\n${key}`;
  const running = inFlight.get(slot) as Promise<T> | undefined;
  if (running) return running;
  const started = load();
  inFlight.set(slot, started);
  const forget = () => inFlight.delete(slot);
  started.then(forget, forget);
  return started;
}
