// How many bytes a request body may have, decided before it is read. server.mjs counts the bytes as they
// arrive, whatever the transfer encoding, and stops reading at the limit (readForm then answers 413).
import { IMPORT_MAX_BYTES } from "~/domain/customers-csv";

/** Every form of the app fits many times over; a larger body is not a form anyone filled in. */
export const FORM_BODY_LIMIT = 256_000;
/** Room for the multipart envelope around an upload. */
const MULTIPART_OVERHEAD = 64_000;

const UPLOADS: { path: RegExp; limit: number }[] = [
  { path: /^\/store\/[^/]+\/customers\/import(\.data)?$/, limit: IMPORT_MAX_BYTES + MULTIPART_OVERHEAD },
];

export function bodyLimitFor(pathname: string): number {
  return UPLOADS.find((upload) => upload.path.test(pathname))?.limit ?? FORM_BODY_LIMIT;
}

/** The error the body stream raises at the limit (server.mjs makes it; readForm recognises it). */
export const BODY_TOO_LARGE = "BODY_TOO_LARGE";

export function isBodyTooLarge(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === BODY_TOO_LARGE;
}
