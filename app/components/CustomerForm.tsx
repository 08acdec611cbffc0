// The customer form (seed 001's fields), for "Add customer" and for editing one (customers:manage).
import { Form } from "@remix-run/react";
import { BlockStack, Card, Checkbox, FormLayout, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { CUSTOMER_MAX_LENGTHS } from "~/domain/customers";
import { useT } from "~/i18n/react";
import { FormTextField, SubmitButton, useFieldErrors } from "./forms";

export interface CustomerFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  company: string;
  city: string;
  country: string;
  note: string;
  acceptsMarketing: boolean;
}

export function CustomerForm({ defaults, submitLabel }: { defaults: CustomerFormValues; submitLabel: string }) {
  const t = useT();
  const { error, values } = useFieldErrors();
  const value = (field: Exclude<keyof CustomerFormValues, "acceptsMarketing">) => values[field] ?? defaults[field];
  const [marketing, setMarketing] = useState(values.firstName !== undefined ? values.acceptsMarketing === "on" : defaults.acceptsMarketing);
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="save" />
      <BlockStack gap="400">
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("sections.customers.personal")}
            </Text>
            <FormLayout>
              <FormLayout.Group>
                <FormTextField label={t("sections.customers.firstName")} name="firstName" maxLength={CUSTOMER_MAX_LENGTHS.firstName} defaultValue={value("firstName")} error={error("firstName")} autoComplete="off" />
                <FormTextField label={t("sections.customers.lastName")} name="lastName" maxLength={CUSTOMER_MAX_LENGTHS.lastName} defaultValue={value("lastName")} error={error("lastName")} autoComplete="off" />
              </FormLayout.Group>
              <FormLayout.Group>
                <FormTextField label={t("common.email")} name="email" maxLength={CUSTOMER_MAX_LENGTHS.email} type="email" defaultValue={value("email")} error={error("email")} />
                <FormTextField label={t("sections.customers.phone")} name="phone" maxLength={CUSTOMER_MAX_LENGTHS.phone} type="tel" defaultValue={value("phone")} error={error("phone")} />
              </FormLayout.Group>
              <Checkbox
                label={t("sections.customers.acceptsMarketing")}
                helpText={t("sections.customers.acceptsMarketingHelp")}
                name="acceptsMarketing"
                value="on"
                checked={marketing}
                onChange={setMarketing}
                error={error("acceptsMarketing")}
              />
            </FormLayout>
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("sections.customers.companyAndAddress")}
            </Text>
            <FormLayout>
              <FormTextField label={t("sections.customers.company")} name="company" maxLength={CUSTOMER_MAX_LENGTHS.company} defaultValue={value("company")} error={error("company")} />
              <FormLayout.Group>
                <FormTextField label={t("sections.customers.city")} name="city" maxLength={CUSTOMER_MAX_LENGTHS.city} defaultValue={value("city")} error={error("city")} />
                <FormTextField label={t("sections.customers.country")} name="country" maxLength={CUSTOMER_MAX_LENGTHS.country} defaultValue={value("country")} error={error("country")} />
              </FormLayout.Group>
            </FormLayout>
          </BlockStack>
        </Card>
        <Card>
          <FormTextField label={t("sections.customers.note")} name="note" maxLength={CUSTOMER_MAX_LENGTHS.note} multiline={3} defaultValue={value("note")} helpText={t("sections.customers.noteHelp")} error={error("note")} />
        </Card>
        <InlineStack align="end">
          <SubmitButton intent="save">{submitLabel}</SubmitButton>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}
