// What the store admin's frame (app/routes/store.$storeId.tsx) hands the pages inside it: the store, who
// is working in it, the workspace switcher and the navigation badges, read once per request. Pages read
// it with useStoreFrame (~/components/useStoreFrame), by the frame route's id below; neither depends on
// the other's module.
import type { Workspaces } from "./workspace";
import type { Permission } from "./permissions";

/** The id Remix gives the frame's route module, app/routes/store.$storeId.tsx. */
export const STORE_FRAME_ROUTE_ID = "routes/store.$storeId";

export interface StoreFrame {
  store: { id: string; name: string; domain: string };
  actor: { kind: "owner" | "staff" | "collaborator"; permissions: Permission[]; organizationName: string | null };
  user: { name: string; email: string };
  workspaces: Workspaces;
  /** Collaborator requests waiting (the Users and permissions badge); 0 for people who don't review them. */
  pendingRequests: number;
  /** Unread notifications (the Home badge); 0 for people without Home. */
  unreadNotifications: number;
}
