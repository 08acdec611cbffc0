// Customers: the fields of a customer account (seed 001: name, email, phone, company, address city and
// country, notes, accepts marketing), one schema for the form and for each row of a CSV import.
import { z } from "zod";
import { email, optionalText, text } from "./text";
import { booleanField } from "./section-list";

export const CUSTOMER_LIMITS = { name: 100, phone: 50, company: 255, city: 100, country: 100, note: 5000 } as const;

const phone = optionalText(CUSTOMER_LIMITS.phone).pipe(
  z.string().regex(/^$|^[0-9+()./\s-]{3,}(\s*(ext\.?|x|poste)\s*\d+)?$/i, "sections.customers.errors.phone"),
);

export const customerFields = {
  firstName: text(CUSTOMER_LIMITS.name),
  lastName: text(CUSTOMER_LIMITS.name),
  email,
  phone,
  company: optionalText(CUSTOMER_LIMITS.company),
  city: optionalText(CUSTOMER_LIMITS.city),
  country: optionalText(CUSTOMER_LIMITS.country),
  note: optionalText(CUSTOMER_LIMITS.note),
  acceptsMarketing: booleanField("sections.customers.errors.acceptsMarketing"),
};

export const customerSchema = z.object(customerFields);

export type CustomerInput = z.output<typeof customerSchema>;

export const CUSTOMER_FIELDS = ["firstName", "lastName", "email", "phone", "company", "city", "country", "note", "acceptsMarketing"] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/** Longest text per form field, for the inputs' maxLength (the schema's own rules word the message). */
export const CUSTOMER_MAX_LENGTHS = {
  firstName: CUSTOMER_LIMITS.name,
  lastName: CUSTOMER_LIMITS.name,
  email: 254,
  phone: CUSTOMER_LIMITS.phone,
  company: CUSTOMER_LIMITS.company,
  city: CUSTOMER_LIMITS.city,
  country: CUSTOMER_LIMITS.country,
  note: CUSTOMER_LIMITS.note,
} as const satisfies Partial<Record<CustomerField, number>>;

export function customerName(customer: { firstName: string; lastName: string }): string {
  return `${customer.firstName} ${customer.lastName}`.trim();
}
