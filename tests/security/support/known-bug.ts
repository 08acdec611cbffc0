// A check that currently fails because of a bug reported to its owner. The marker names the failure it
// expects (a status, a message, a piece of the assertion's text): while the check fails exactly that way,
// the run stays green and prints the bug in red; when it fails in any other way, the run fails (the
// marker would otherwise hide a new problem); and when the check passes, the run fails too ("fixed:
// remove the marker"), so a marker cannot outlive its bug. Every marker used is written to the figures
// file, and scripts/test-security.mjs prints them and their count in its summary.
import { recordMarker } from "./figures";

export interface KnownBug {
  /** The bug, as reported: where it is and what it does. */
  bug: string;
  /** The failure it causes, as it appears in the check's error: a substring or a pattern. */
  fails: string | RegExp;
}

export interface MarkerUse {
  bug: string;
  fails: string;
  /** Where the marker was used (a matrix cell, a fuzz row…). */
  where: string;
  /** The failure as it appeared on this run (first lines). */
  failure: string;
}

/** Where used markers go: the figures file of the run (tests replace it to check the mechanism itself). */
export type MarkerSink = (use: MarkerUse) => void;

export const reportedKnownBugs: MarkerUse[] = [];

const defaultSink: MarkerSink = (use) => {
  reportedKnownBugs.push(use);
  recordMarker(use);
  console.warn(`\n\x1b[41m\x1b[97m KNOWN BUG (reported, not fixed): ${use.bug} — at ${use.where}\n    ${use.failure.split("\n").slice(0, 6).join("\n    ")} \x1b[0m\n`);
};

const describeFails = (fails: string | RegExp) => (typeof fails === "string" ? JSON.stringify(fails) : String(fails));

/** Whether a failure is the one the marker names. */
export function isExpectedFailure(marker: KnownBug, failure: string): boolean {
  return typeof marker.fails === "string" ? failure.includes(marker.fails) : marker.fails.test(failure);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Judges one failure (or its absence) against a marker: announces the expected failure and returns;
 * throws when the check now passes, or fails in a way the marker does not name.
 */
export function settleKnownBug(marker: KnownBug, where: string, failure: string | null, sink: MarkerSink = defaultSink): void {
  if (failure === null) {
    throw new Error(`The known bug "${marker.bug}" (${where}) no longer fails: it is fixed, remove its marker so the check guards it again.`);
  }
  if (!isExpectedFailure(marker, failure)) {
    throw new Error(
      `${where} fails, but not the way its known-bug marker expects (${describeFails(marker.fails)} for "${marker.bug}"): a different failure must not hide behind the marker.\n${failure}`,
    );
  }
  sink({ bug: marker.bug, fails: describeFails(marker.fails), where, failure });
}

/** Runs `check` under a marker (see settleKnownBug). */
export async function expectKnownBug(marker: KnownBug, where: string, check: () => unknown | Promise<unknown>, sink: MarkerSink = defaultSink): Promise<void> {
  let failure: string | null = null;
  try {
    await check();
  } catch (error) {
    failure = messageOf(error);
  }
  settleKnownBug(marker, where, failure, sink);
}

/** Runs `check`, under its marker when it has one. */
export async function checkWithMarker(marker: KnownBug | undefined, where: string, check: () => unknown | Promise<unknown>): Promise<void> {
  if (marker) await expectKnownBug(marker, where, check);
  else await check();
}
