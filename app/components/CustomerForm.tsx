// The customer form (seed 001's fields), for "Add customer" and for editing one (customers:manage). The
// browser checks it with the action's own schema as the person types; the action answers a refusal (an
// email another customer has) beside its field.
import { Form } from "@remix-run/react";
import { BlockStack, Card, Checkbox, FormLayout, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { CUSTOMER_MAX_LENGTHS, customerSchema } from "~/domain/customers";
import { useT } from "~/i18n/react";
import { FormErrors, FormTextField, SubmitButton, getFormProps, useAppForm, useMessage } from "./forms";

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
  const message = useMessage();
  const [form, fields] = useAppForm(customerSchema, { intent: "save" });
  // After a refusal the fields show what was sent (a field emptied stays empty), not the saved customer.
  const initial = form.status === "error" ? undefined : defaults;
  const [marketing, setMarketing] = useState(initial ? initial.acceptsMarketing : fields.acceptsMarketing.initialValue === "on");
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <BlockStack gap="400">
        <FormErrors errors={form.errors} />
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("sections.customers.personal")}
            </Text>
            <FormLayout>
              <FormLayout.Group>
                <FormTextField label={t("sections.customers.firstName")} field={fields.firstName} defaultValue={initial?.firstName} maxLength={CUSTOMER_MAX_LENGTHS.firstName} />
                <FormTextField label={t("sections.customers.lastName")} field={fields.lastName} defaultValue={initial?.lastName} maxLength={CUSTOMER_MAX_LENGTHS.lastName} />
              </FormLayout.Group>
              <FormLayout.Group>
                <FormTextField label={t("common.email")} field={fields.email} defaultValue={initial?.email} maxLength={CUSTOMER_MAX_LENGTHS.email} type="email" />
                <FormTextField label={t("sections.customers.phone")} field={fields.phone} defaultValue={initial?.phone} maxLength={CUSTOMER_MAX_LENGTHS.phone} type="tel" />
              </FormLayout.Group>
              <Checkbox
                label={t("sections.customers.acceptsMarketing")}
                helpText={t("sections.customers.acceptsMarketingHelp")}
                id={fields.acceptsMarketing.id}
                name={fields.acceptsMarketing.name}
                value="on"
                checked={marketing}
                onChange={setMarketing}
                error={message(fields.acceptsMarketing.errors)}
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
              <FormTextField label={t("sections.customers.company")} field={fields.company} defaultValue={initial?.company} maxLength={CUSTOMER_MAX_LENGTHS.company} />
              <FormLayout.Group>
                <FormTextField label={t("sections.customers.city")} field={fields.city} defaultValue={initial?.city} maxLength={CUSTOMER_MAX_LENGTHS.city} />
                <FormTextField label={t("sections.customers.country")} field={fields.country} defaultValue={initial?.country} maxLength={CUSTOMER_MAX_LENGTHS.country} />
              </FormLayout.Group>
            </FormLayout>
          </BlockStack>
        </Card>
        <Card>
          <FormTextField
            label={t("sections.customers.note")}
            field={fields.note}
            defaultValue={initial?.note}
            maxLength={CUSTOMER_MAX_LENGTHS.note}
            multiline={3}
            helpText={t("sections.customers.noteHelp")}
          />
        </Card>
        <InlineStack align="end">
          <SubmitButton intent="save">{submitLabel}</SubmitButton>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}
