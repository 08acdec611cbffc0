// The product form, for "Add product" and for editing one (products:manage). The browser checks it with
// the action's own schema as the person types; the page's action answers a refusal beside its field.
import { Form } from "@remix-run/react";
import { BlockStack, Card, FormLayout, InlineStack, Layout, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { isProductStatus, PRODUCT_LIMITS, PRODUCT_STATUSES, productSchema, type ProductStatus } from "~/domain/products";
import { useLocale, useT } from "~/i18n/react";
import { FormErrors, FormTextField, SubmitButton, getFormProps, useAppForm, useMessage } from "./forms";

export interface ProductFormValues {
  title: string;
  description: string;
  price: string;
  inventory: string;
  sku: string;
  status: ProductStatus;
}

export function currencySymbol(locale: string, currency: string): string {
  const parts = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-US", { style: "currency", currency }).formatToParts(0);
  return parts.find((part) => part.type === "currency")?.value ?? currency;
}

export function ProductForm({ defaults, currency, submitLabel, version }: { defaults: ProductFormValues; currency: string; submitLabel: string; version?: number }) {
  const t = useT();
  const locale = useLocale();
  const message = useMessage();
  const [form, fields] = useAppForm(productSchema, { intent: "save" });
  // After a refusal the fields show what was sent (a field emptied stays empty), not the saved product.
  const initial = form.status === "error" ? undefined : defaults;
  const sentStatus = fields.status.initialValue;
  const [status, setStatus] = useState<ProductStatus>(initial ? initial.status : isProductStatus(sentStatus) ? sentStatus : defaults.status);
  const symbol = currencySymbol(locale, currency);
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <Layout>
        {form.errors && (
          <Layout.Section>
            <FormErrors errors={form.errors} />
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <FormLayout>
                <FormTextField label={t("sections.products.title")} field={fields.title} defaultValue={initial?.title} maxLength={PRODUCT_LIMITS.title} />
                <FormTextField label={t("sections.products.description")} field={fields.description} defaultValue={initial?.description} multiline={4} maxLength={PRODUCT_LIMITS.description} />
              </FormLayout>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("sections.products.pricing")}
                </Text>
                <FormTextField
                  label={t("sections.products.price")}
                  field={fields.price}
                  defaultValue={initial?.price}
                  {...(locale === "fr" ? { suffix: symbol } : { prefix: symbol })}
                  inputMode="decimal"
                  helpText={t("sections.products.priceHelp")}
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
                    <FormTextField label={t("sections.products.inventory")} field={fields.inventory} defaultValue={initial?.inventory} inputMode="numeric" />
                    <FormTextField label={t("sections.products.sku")} field={fields.sku} defaultValue={initial?.sku} maxLength={PRODUCT_LIMITS.sku} />
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
              id={fields.status.id}
              name={fields.status.name}
              value={status}
              onChange={(value) => isProductStatus(value) && setStatus(value)}
              error={message(fields.status.errors)}
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
