// Products: the fields a product form accepts, and how a price typed by a person becomes cents.
import { z } from "zod";
import { optionalText, text } from "./text";
import { choiceField } from "./section-list";

export const PRODUCT_STATUSES = ["ACTIVE", "DRAFT", "ARCHIVED"] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export function isProductStatus(value: unknown): value is ProductStatus {
  return typeof value === "string" && (PRODUCT_STATUSES as readonly string[]).includes(value);
}

export const PRODUCT_STATUS_TONE: Record<ProductStatus, "success" | "info" | undefined> = {
  ACTIVE: "success",
  DRAFT: "info",
  ARCHIVED: undefined,
};

export const PRICE_MAX_CENTS = 100_000_000; // 1,000,000.00
export const INVENTORY_LIMIT = 1_000_000;

/**
 * "14.90", "14,90", "1 490,00", "1,490.00", "€ 14.90" → cents; null when it is not a price.
 * The last "." or "," followed by one or two digits is the decimal mark; other separators group thousands.
 */
export function parsePrice(input: string): number | null {
  const cleaned = input.replace(/[\s\u00A0\u202F€$£]|EUR|USD|CAD|CHF/gi, "");
  if (!cleaned || !/^[0-9.,]+$/.test(cleaned)) return null;
  const decimal = /[.,](\d{1,2})$/.exec(cleaned);
  const whole = decimal ? cleaned.slice(0, -decimal[0].length) : cleaned;
  if (/[.,]$|^[.,]/.test(whole) || /[.,]{2}/.test(whole)) return null;
  // Thousands separators must group exactly three digits, and "1,490" or "14.999" alone are ambiguous
  // (a thousand-something, or a price with three decimals?): refused rather than guessed.
  if (/[.,]/.test(whole) && (!decimal || !/^\d{1,3}([.,]\d{3})+$/.test(whole))) return null;
  const units = Number(whole.replace(/[.,]/g, "") || "0");
  const cents = units * 100 + (decimal ? Number(decimal[1].padEnd(2, "0")) : 0);
  return Number.isSafeInteger(cents) && cents <= PRICE_MAX_CENTS ? cents : null;
}

/** The value a price field starts with ("14.90", or "14,90" in French); parsePrice reads either back. */
export function priceInputValue(cents: number, locale: "en" | "fr" = "en"): string {
  const value = (cents / 100).toFixed(2);
  return locale === "fr" ? value.replace(".", ",") : value;
}

const price = z
  .string({ required_error: "errors.required", invalid_type_error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .transform((value, ctx) => {
    const cents = parsePrice(value);
    if (cents === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "sections.products.errors.price" });
      return z.NEVER;
    }
    return cents;
  });

const inventory = z
  .string({ invalid_type_error: "sections.products.errors.inventory" })
  .optional()
  .transform((value, ctx) => {
    const textValue = (value ?? "").trim();
    if (!textValue) return 0;
    if (!/^-?\d{1,7}$/.test(textValue) || Math.abs(Number(textValue)) >= INVENTORY_LIMIT) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "sections.products.errors.inventory" });
      return z.NEVER;
    }
    return Number(textValue);
  });

/** Longest text per field: the schema's rule, and the inputs' maxLength. */
export const PRODUCT_LIMITS = { title: 255, description: 5000, sku: 100 } as const;

export const productSchema = z.object({
  title: text(PRODUCT_LIMITS.title),
  description: optionalText(PRODUCT_LIMITS.description),
  price,
  inventory,
  sku: optionalText(PRODUCT_LIMITS.sku),
  status: choiceField(PRODUCT_STATUSES, "sections.products.errors.status"),
});

export type ProductInput = z.output<typeof productSchema>;

/**
 * Editing: the form also carries `version`, the product's updatedAt when the form was opened (see
 * updateProduct). A missing or malformed one means no check: nothing the person could fix in the form.
 */
export const productEditSchema = productSchema.extend({
  version: z.unknown().transform((value) => (typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : undefined)),
});
