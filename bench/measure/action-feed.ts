// The write actions' prepared data, handed out once each across the probe, the warm-ups and the timed
// runs (a store requested twice, or a request approved twice, would be refused and measure the refusal),
// and the tally of answers with the expected status, which the database must match afterwards.
import type { ActionRequest, Target } from "../targets";

export class ActionFeed {
  private readonly taken = new Map<string, number>();
  private readonly answered = new Map<string, number>();

  /** The target's next unused request; when the prepared data ran out, the last one again (it is then refused, and the run fails). */
  next(target: Target): ActionRequest {
    const n = this.taken.get(target.name) ?? 0;
    const request = target.next!(n);
    if (request) {
      this.taken.set(target.name, n + 1);
      return request;
    }
    const last = n > 0 ? target.next!(n - 1) : null;
    if (!last) throw new Error(`${target.name}: no prepared data at all`);
    return last;
  }

  /** Answers with the expected status, from one request or one autocannon run. */
  count(target: Target, answers: number): void {
    this.answered.set(target.name, (this.answered.get(target.name) ?? 0) + answers);
  }

  answeredAsExpected(name: string): number {
    return this.answered.get(name) ?? 0;
  }
}
