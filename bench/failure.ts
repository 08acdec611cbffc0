// A run that measured something other than what it claims to measure (an error page, a redirect to the
// sign-in page, writes that did not happen) must not produce figures: it stops with one line saying why.
export class BenchFailure extends Error {
  override name = "BenchFailure";
}

export function fail(reason: string): never {
  throw new BenchFailure(reason);
}
