// A message travels from a schema or a service to the screen as one string: its catalogue key, and its
// parameters after a `?` in URL form ("errors.tooLong?max=80"). Field errors, toasts and refusals are
// then plain strings that survive JSON, conform's error lists and the session's flash alike, and the
// parameters come from where the rule is (a zod issue's maximum, a service's retry time), never from a
// bag a route fills in by hand.
import type { MessageKey } from "./catalogues";

export type Params = Record<string, string | number>;

export function encodeMessage(key: string, params?: Params): string {
  if (!params || Object.keys(params).length === 0) return key;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) search.set(name, String(value));
  return `${key}?${search.toString()}`;
}

export function decodeMessage(encoded: string): { key: string; params?: Params } {
  const at = encoded.indexOf("?");
  if (at < 0) return { key: encoded };
  const params: Params = {};
  for (const [name, value] of new URLSearchParams(encoded.slice(at + 1))) params[name] = value;
  return { key: encoded.slice(0, at), params };
}

/** A message for later: the key must be in the catalogue (a misspelt one fails the typecheck). */
export function message(key: MessageKey, params?: Params): string {
  return encodeMessage(key, params);
}
