// Did the write actions write? A status is not proof: a single-fetch redirect to the sign-in page is a
// 202 as well, and so is a request the server answered without committing. So the rows each action
// writes are counted before the load and after it, and every answer with the expected status must stand
// for exactly one new row (for the refusal: for none).
import type { BenchDatabase } from "../database";
import { fail } from "../failure";
import type { WriteCheck } from "../results";
import { orgId, uid } from "../world";
import type { ActionFeed } from "./action-feed";

export interface WriteSnapshot {
  /** Requests filed by requester@ (the accepted action's only author). */
  requestsByRequester: number;
  /** Requests approver@ approved (the approve action's only author). */
  approvedByApprover: number;
  /** Requests of organization 1, which is at its cap: the refused action must add none. */
  requestsOfOrganization1: number;
}

export async function snapshotWrites(database: BenchDatabase): Promise<WriteSnapshot> {
  const one = async (sql: string, params: unknown[]) => (await database.query<{ n: number }>(sql, params))[0].n;
  return {
    requestsByRequester: await one(`SELECT count(*)::int AS n FROM "CollaboratorRequest" WHERE "requestedById" = $1`, [uid("user", "requester")]),
    approvedByApprover: await one(`SELECT count(*)::int AS n FROM "CollaboratorRequest" WHERE "status" = 'APPROVED' AND "decidedById" = $1`, [uid("user", "approver")]),
    requestsOfOrganization1: await one(`SELECT count(*)::int AS n FROM "CollaboratorRequest" WHERE "organizationId" = $1`, [orgId(1)]),
  };
}

/** Compares what the database gained with what the actions were answered; fails the run on any difference. */
export function checkWrites(before: WriteSnapshot, after: WriteSnapshot, feed: ActionFeed): WriteCheck[] {
  const checks: WriteCheck[] = [
    {
      target: "request-accepted",
      answered: feed.answeredAsExpected("request-accepted"),
      written: after.requestsByRequester - before.requestsByRequester,
      what: "new requests from requester@",
      answers: "accepted requests",
    },
    {
      target: "approve",
      answered: feed.answeredAsExpected("approve"),
      written: after.approvedByApprover - before.approvedByApprover,
      what: "requests approved by approver@",
      answers: "approvals",
    },
    {
      target: "request-refused",
      answered: feed.answeredAsExpected("request-refused"),
      written: after.requestsOfOrganization1 - before.requestsOfOrganization1,
      what: "new requests of organization 1",
      answers: "refused requests",
    },
  ];
  for (const check of checks) {
    const expected = check.target === "request-refused" ? 0 : check.answered;
    if (check.written !== expected) {
      const rule = expected === 0 ? "none may write one" : "each must have written one";
      fail(`the database holds ${check.written} ${check.what} after the load, but ${check.answered} ${check.answers} were answered with the expected status (${rule})`);
    }
  }
  return checks;
}
