// Liveness, for the load balancer and the supervisor: the process answers. No database call, no detail.
export function loader() {
  return new Response("ok\n", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
