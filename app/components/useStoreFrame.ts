// The store admin frame's loader data (routes/store.$storeId) for the pages inside it: the badge counts
// are read once per request, there, and the pages that repeat them take them from here.
import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/routes/store.$storeId";

export function useStoreFrame() {
  const frame = useRouteLoaderData<typeof loader>("routes/store.$storeId");
  if (!frame) throw new Error("useStoreFrame is for pages inside the store admin frame");
  return frame;
}
