// Readiness: the database answers in time and has every migration of this build. 503 otherwise, without
// saying more (the log says why).
import { BUILD_MIGRATIONS } from "~/lib/migrations";
import { readiness } from "~/services/health.server";

export async function loader() {
  const { ready } = await readiness(BUILD_MIGRATIONS);
  return new Response(ready ? "ready\n" : "not ready\n", {
    status: ready ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
