// The store admin frame's data for the pages inside it: the badge counts are read once per request, by
// the frame, and the pages that repeat them take them from here.
import { useRouteLoaderData } from "@remix-run/react";
import { STORE_FRAME_ROUTE_ID, type StoreFrame } from "~/domain/store-frame";

export function useStoreFrame(): StoreFrame {
  const frame = useRouteLoaderData<StoreFrame>(STORE_FRAME_ROUTE_ID);
  if (!frame) throw new Error("useStoreFrame is for pages inside the store admin frame");
  return frame;
}
