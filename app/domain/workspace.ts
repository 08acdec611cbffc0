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
