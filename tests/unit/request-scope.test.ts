import { describe, expect, test } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import { sharedWithinRequest } from "~/lib/request-scope.server";

/** The load context server.mjs makes for one request: every loader of that request gets this object. */
const contextOfRequest = (): AppLoadContext => ({ shared: new Map() });

/** A lookup that counts its calls and answers when told to. */
function counter() {
  const waiting: ((value: string) => void)[] = [];
  const load = () => new Promise<string>((resolve) => waiting.push(resolve));
  return { load, calls: () => waiting.length, release: (value: string) => waiting.forEach((resolve) => resolve(value)) };
}

describe("work shared by the loaders of one request", () => {
  test("calls that overlap within one request share one lookup and its answer", async () => {
    const lookup = counter();
    const request = contextOfRequest();
    const first = sharedWithinRequest(request, "session", lookup.load);
    const second = sharedWithinRequest(request, "session", lookup.load);
    lookup.release("Nadia");
    expect(await Promise.all([first, second])).toEqual(["Nadia", "Nadia"]);
    expect(lookup.calls()).toBe(1);
  });

  test("other requests, other keys, a context without the map and calls after the answer all look up afresh", async () => {
    const lookup = counter();
    const one = contextOfRequest();
    const mine = sharedWithinRequest(one, "session", lookup.load);
    const theirs = sharedWithinRequest(contextOfRequest(), "session", lookup.load);
    const otherKey = sharedWithinRequest(one, "store:1", lookup.load);
    const bare = sharedWithinRequest({}, "session", lookup.load);
    expect(lookup.calls()).toBe(4);
    lookup.release("x");
    await Promise.all([mine, theirs, otherKey, bare]);
    // Settled entries are gone: the loaders after an action read what the action changed.
    const later = counter();
    const afterwards = sharedWithinRequest(one, "session", later.load);
    later.release("fresh");
    expect(await afterwards).toBe("fresh");
    expect(later.calls()).toBe(1);
  });

  test("a failed lookup is shared as a failure and then forgotten", async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error("database down"));
    };
    const request = contextOfRequest();
    const [a, b] = [sharedWithinRequest(request, "session", failing), sharedWithinRequest(request, "session", failing)];
    await expect(a).rejects.toThrow("database down");
    await expect(b).rejects.toThrow("database down");
    expect(calls).toBe(1);
    await expect(sharedWithinRequest(request, "session", failing)).rejects.toThrow("database down");
    expect(calls).toBe(2);
  });
});
