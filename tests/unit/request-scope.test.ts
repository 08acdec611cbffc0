import { describe, expect, test } from "vitest";
import { REQUEST_ID_HEADER, sharedWithinRequest } from "~/lib/request-scope.server";

const requestWithId = (id?: string) => new Request("http://portier.test/x", { headers: id ? { [REQUEST_ID_HEADER]: id } : {} });

/** A lookup that counts its calls and answers when told to. */
function counter() {
  const waiting: ((value: string) => void)[] = [];
  const load = () => new Promise<string>((resolve) => waiting.push(resolve));
  return { load, calls: () => waiting.length, release: (value: string) => waiting.forEach((resolve) => resolve(value)) };
}

describe("work shared by the loaders of one request", () => {
  test("calls that overlap within one request share one lookup and its answer", async () => {
    const lookup = counter();
    // Remix gives each loader its own copy of the Request: only the id stamped by server.mjs is shared.
    const first = sharedWithinRequest(requestWithId("7"), "session", lookup.load);
    const second = sharedWithinRequest(requestWithId("7"), "session", lookup.load);
    lookup.release("Nadia");
    expect(await Promise.all([first, second])).toEqual(["Nadia", "Nadia"]);
    expect(lookup.calls()).toBe(1);
  });

  test("other requests, other keys, requests without an id and calls after the answer all look up afresh", async () => {
    const lookup = counter();
    const mine = sharedWithinRequest(requestWithId("8"), "session", lookup.load);
    const theirs = sharedWithinRequest(requestWithId("9"), "session", lookup.load);
    const otherKey = sharedWithinRequest(requestWithId("8"), "store:1", lookup.load);
    const anonymous = sharedWithinRequest(requestWithId(), "session", lookup.load);
    expect(lookup.calls()).toBe(4);
    lookup.release("x");
    await Promise.all([mine, theirs, otherKey, anonymous]);
    // Settled entries are gone: the loaders after an action read what the action changed.
    const later = counter();
    const afterwards = sharedWithinRequest(requestWithId("8"), "session", later.load);
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
    const [a, b] = [sharedWithinRequest(requestWithId("10"), "session", failing), sharedWithinRequest(requestWithId("10"), "session", failing)];
    await expect(a).rejects.toThrow("database down");
    await expect(b).rejects.toThrow("database down");
    expect(calls).toBe(1);
    await expect(sharedWithinRequest(requestWithId("10"), "session", failing)).rejects.toThrow("database down");
    expect(calls).toBe(2);
  });
});
