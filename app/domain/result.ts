// What every use case answers: done, with its value, or refused, with the kind of refusal. The kind alone
// decides the HTTP answer (app/lib/respond.server.ts); the messages say what to fix, beside the field
// that caused it ("form" for the whole form). Messages are catalogue keys, with their parameters encoded
// in them (app/i18n/messages.ts).
import { encodeMessage, type Params } from "~/i18n/messages";
import type { MessageKey } from "~/i18n";

export type FieldErrors = Record<string, string>;

export type RefusalKind = "invalid" | "conflict" | "throttled" | "notFound" | "forbidden";

export interface Refusal {
  ok: false;
  kind: RefusalKind;
  errors: FieldErrors;
  /** For `throttled`: when to try again. */
  retryAfterSeconds?: number;
}

export type Success<T> = { ok: true; value: T };
export type Result<T = undefined> = Success<T> | Refusal;

export function ok(): Success<undefined>;
export function ok<T>(value: T): Success<T>;
export function ok<T>(value?: T): Success<T | undefined> {
  return { ok: true, value };
}

const refusal = (kind: RefusalKind, errors: FieldErrors, retryAfterSeconds?: number): Refusal =>
  retryAfterSeconds === undefined ? { ok: false, kind, errors } : { ok: false, kind, errors, retryAfterSeconds };

/** "Try again in N minutes": `minutes`, and `count` so the message's plural follows it. */
const minutesOf = (seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return { minutes, count: minutes };
};

/** One error message for one field: the key and its parameters. */
const on = (field: string, key: MessageKey, params?: Params): FieldErrors => ({ [field]: encodeMessage(key, params) });

export const refuse = {
  /** The input is wrong: 400, errors beside the fields. */
  invalid: (field: string, key: MessageKey, params?: Params) => refusal("invalid", on(field, key, params)),
  invalidFields: (errors: FieldErrors) => refusal("invalid", errors),
  /** A rule says no at this moment (already decided, the cap, staff vs collaborator): 409. */
  conflict: (field: string, key: MessageKey, params?: Params) => refusal("conflict", on(field, key, params)),
  /** Too many attempts: 429, with when to try again. */
  throttled: (field: string, key: MessageKey, retryAfterSeconds: number, params?: Params) =>
    refusal("throttled", on(field, key, { ...minutesOf(retryAfterSeconds), ...params }), retryAfterSeconds),
  /** Not there, or not this person's to see (the answer does not tell which): 404. */
  notFound: () => refusal("notFound", on("form", "errors.notFound.title")),
  /** Seen, but not this person's to change: 403. */
  forbidden: () => refusal("forbidden", on("form", "errors.forbidden.title")),
};

export const isRefusal = <T>(result: Result<T>): result is Refusal => !result.ok;
