// The product form, for "Add product" and for editing one (products:manage).
import { Form } from "@remix-run/react";
import { Banner, BlockStack, Card, FormLayout, InlineStack, Layout, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { PRODUCT_STATUSES } from "~/domain/products";
import { useLocale, useT } from "~/i18n/react";
import { FormTextField, SubmitButton, useFieldErrors } from "./forms";

export interface ProductFormValues {
  title: string;
  description: string;
  price: string;
  inventory: string;
  sku: string;
  status: string;
}

export function currencySymbol(locale: string, currency: string): string {
  const parts = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-US", { style: "currency", currency }).formatToParts(0);
  return parts.find((part) => part.type === "currency")?.value ?? currency;
}

export function ProductForm({ defaults, currency, submitLabel, version }: { defaults: ProductFormValues; currency: string; submitLabel: string; version?: number }) {
  const t = useT();
  const locale = useLocale();
  const { error, values, errors } = useFieldErrors();
  const value = (field: keyof ProductFormValues) => values[field] ?? defaults[field];
  const [status, setStatus] = useState(value("status"));
  const symbol = currencySymbol(locale, currency);
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="save" />
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <Layout>
        {errors.form && (
          <Layout.Section>
            <Banner tone="critical">{error("form")}</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <FormLayout>
                <FormTextField label={t("sections.products.title")} name="title" defaultValue={value("title")} error={error("title")} maxLength={255} />
                <FormTextField label={t("sections.products.description")} name="description" defaultValue={value("description")} multiline={4} maxLength={5000} error={error("description")} />
              </FormLayout>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("sections.products.pricing")}
                </Text>
                <FormTextField
                  label={t("sections.products.price")}
                  name="price"
                  defaultValue={value("price")}
                  {...(locale === "fr" ? { suffix: symbol } : { prefix: symbol })}
                  inputMode="decimal"
                  helpText={t("sections.products.priceHelp")}
                  error={error("price")}
                />
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("sections.products.inventoryTitle")}
                </Text>
                <FormLayout>
                  <FormLayout.Group>
                    <FormTextField label={t("sections.products.inventory")} name="inventory" defaultValue={value("inventory")} inputMode="numeric" error={error("inventory")} />
                    <FormTextField label={t("sections.products.sku")} name="sku" defaultValue={value("sku")} error={error("sku")} maxLength={100} />
                  </FormLayout.Group>
                </FormLayout>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <Select
              label={t("common.status")}
              name="status"
              value={status}
              onChange={setStatus}
              error={error("status")}
              helpText={t(`sections.products.statusHelp.${status}`)}
              options={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`sections.products.status.${s}`) }))}
            />
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineStack align="end">
            <SubmitButton intent="save">{submitLabel}</SubmitButton>
          </InlineStack>
        </Layout.Section>
      </Layout>
    </Form>
  );
}
