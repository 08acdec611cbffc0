// The 4-digit collaborator request code (SPEC.md rule 2).

export const CODE_PATTERN = /^[0-9]{4}$/;

/** Wrong codes allowed per organization and store before further attempts are refused. */
export const CODE_ATTEMPT_LIMIT = 5;
export const CODE_LOCKOUT_MINUTES = 60;

/** Uniform over all 10,000 codes, from the platform's cryptographically secure generator. */
export function generateCollaboratorCode(): string {
  const buffer = new Uint32Array(1);
  const limit = Math.floor(0x1_0000_0000 / 10_000) * 10_000; // rejection sampling: no modulo bias
  let value: number;
  do {
    globalThis.crypto.getRandomValues(buffer);
    value = buffer[0];
  } while (value >= limit);
  return String(value % 10_000).padStart(4, "0");
}

export function normalizeCode(input: unknown): string {
  return typeof input === "string" ? input.replace(/\s+/g, "") : "";
}

/** Constant-time comparison of two short codes. */
export function codesMatch(given: string, expected: string): boolean {
  if (given.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < given.length; i++) diff |= given.charCodeAt(i) ^ expected.charCodeAt(i);
  return diff === 0;
}
