// Pages read the store admin frame's data by the frame route's id: that id must name the frame's module.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { STORE_FRAME_ROUTE_ID } from "~/domain/store-frame";

describe("the store admin frame", () => {
  test("its route id is the frame's route module, as Remix names it", () => {
    expect(STORE_FRAME_ROUTE_ID).toMatch(/^routes\//);
    expect(existsSync(path.resolve("app", `${STORE_FRAME_ROUTE_ID}.tsx`))).toBe(true);
  });
});
