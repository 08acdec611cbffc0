// The partner's "Request access to store" form (SPEC.md rule 1), shared by the form and the server.
import { z } from "zod";
import { normalizeStoreDomain } from "./store-url";
import { normalizeCode } from "./collaborator-code";
import { COLLABORATOR_SECTIONS, permissionsFromForm, type Permission } from "./permissions";
import { MESSAGE_MAX_LENGTH } from "./request-lifecycle";
import { cleanText } from "./text";

export interface AccessRequestInput {
  /** Normalised host name, e.g. maple-goods.portier.test */
  storeDomain: string;
  /** Digits only, possibly empty: the server decides whether the store needs one. */
  code: string;
  permissions: Permission[];
  message: string | null;
}

/**
 * Fields: storeUrl, code, message, and one `perm.<section>` per collaborator section.
 * A code in the wrong shape is not a form error here: whether it is right is the store's business,
 * and a wrong code must be answered (and counted) the same way whatever it looks like.
 */
export const accessRequestSchema = z
  .object({
    storeUrl: z.string({ required_error: "errors.required", invalid_type_error: "errors.required" }),
    code: z.string().optional(),
    message: z.string().optional(),
  })
  .passthrough()
  .transform((form, ctx): AccessRequestInput => {
    const rawUrl = form.storeUrl.trim();
    const storeDomain = rawUrl ? normalizeStoreDomain(rawUrl) : null;
    if (!rawUrl) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["storeUrl"], message: "errors.required" });
    else if (!storeDomain) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["storeUrl"], message: "partner.request.errors.storeUrl" });

    const permissions = permissionsFromForm(form, COLLABORATOR_SECTIONS);
    if (permissions === "invalid") {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["permissions"], message: "errors.permissions.invalid" });
    } else if (permissions.length === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["permissions"], message: "errors.permissions.empty" });
    }

    const message = cleanText(form.message ?? "").trim();
    if (message.length > MESSAGE_MAX_LENGTH) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["message"], message: "errors.tooLong" });
    }

    const code = normalizeCode(form.code ?? "").slice(0, 20);
    return {
      storeDomain: storeDomain ?? "",
      code,
      permissions: permissions === "invalid" ? [] : permissions,
      message: message || null,
    };
  });

/** The Stores page's tabs: every state a listed row can be in. */
export const STORE_FILTERS = ["all", "PENDING", "MANAGED", "SUSPENDED", "REMOVED", "DECLINED"] as const;
export type StoreFilter = (typeof STORE_FILTERS)[number];

export function parseStoreFilter(value: string | null | undefined): StoreFilter {
  return (STORE_FILTERS as readonly string[]).includes(value ?? "") ? (value as StoreFilter) : "all";
}

/** The Stores page's bulk removal: at most this many stores at once (a page holds 25). */
export const BULK_REMOVAL_MAX = 100;
