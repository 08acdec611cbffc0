import { afterEach } from "vitest";

// Component tests render into jsdom; clean up between tests so queries see one screen at a time.
afterEach(async () => {
  if (typeof document !== "undefined") {
    const { cleanup } = await import("@testing-library/react");
    cleanup();
  }
});
