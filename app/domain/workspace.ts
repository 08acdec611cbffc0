import { z } from "zod";
import { email, text } from "./text";
import { PLANS } from "./plans";
import { STORE_HANDLE } from "./store-url";

export const createOrganizationSchema = z.object({ name: text(100) });

export const inviteMemberSchema = z.object({ email });

export const createStoreSchema = z.object({
  name: text(100),
  handle: z
    .string({ required_error: "errors.required" })
    .trim()
    .toLowerCase()
    .pipe(z.string().min(1, "errors.required").regex(STORE_HANDLE, "stores.new.errors.handle")),
  contactEmail: email,
  plan: z.enum(PLANS, { errorMap: () => ({ message: "stores.new.errors.plan" }) }),
});

/** Where a signed-in person may go: their partner organizations and the stores they own or staff. */
export interface Workspaces {
  organizations: { id: string; name: string }[];
  stores: { id: string; name: string; domain: string; isOwner: boolean }[];
}

/** How many of each kind the frame's switcher lists; "All workspaces" (/account) has the rest. */
export const SWITCHER_LIMIT = 10;

/** The one place to land after sign-in, or null when the person must choose (or create) one. */
export function landingPath(workspaces: Workspaces): string | null {
  const total = workspaces.organizations.length + workspaces.stores.length;
  if (total !== 1) return null;
  if (workspaces.organizations[0]) return `/partners/${workspaces.organizations[0].id}/stores`;
  return `/store/${workspaces.stores[0].id}`;
}
