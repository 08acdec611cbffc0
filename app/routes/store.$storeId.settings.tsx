// Settings: the store's details (view with settings:view, edit with settings:manage) and the owner-only
// collaborator request code card (the code, Generate new code, Require a code, the request link,
// failed attempts by organization).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, Checkbox, FormLayout, IndexTable, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { z } from "zod";
import { env } from "~/lib/env.server";
import { readIntent } from "~/lib/intents.server";
import { respond } from "~/lib/respond.server";
import { requireSection } from "~/services/guards.server";
import { getCodeSettings, getStoreDetails, regenerateCollaboratorCode, setCodeRequired, updateStoreDetails } from "~/services/store-settings.server";
import { can } from "~/domain/permissions";
import { CODE_ATTEMPT_LIMIT, CODE_LOCKOUT_MINUTES } from "~/domain/collaborator-code";
import { COMMON_TIMEZONES, CURRENCIES, INACTIVITY_DAYS, codeRequirementSchema, requestLinkPath, storeDetailsSchema } from "~/domain/store-settings";
import { message } from "~/i18n/messages";
import { ConfirmDialog } from "~/components/ConfirmDialog";
import { FormErrors, FormTextField, SubmitButton, getFormProps, useAppForm, useMessage } from "~/components/forms";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatDate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Settings · Portier" }];

/** The details form; a new code (no fields: the store is the page's); turning the code requirement on or off. */
export const forms = { details: storeDetailsSchema, regenerate: z.object({}), requirement: codeRequirementSchema };

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireSection(args, args.params.storeId, "settings", "view");
  const [details, code] = await Promise.all([getStoreDetails(actor.store.id), getCodeSettings(actor, actor.store.id)]);
  const origin = env().APP_ORIGIN ?? new URL(args.request.url).origin;
  return {
    details,
    canManage: can(actor.permissions, "settings", "manage"),
    code: code ? { ...code, requestLink: `${origin}${requestLinkPath(code.domain)}` } : null,
  };
}

/** settings:view reaches the action; the services say who may change what (details: manage; the code: the owner). */
export async function action(args: ActionFunctionArgs) {
  const { actor, ip, flash } = await requireSection(args, args.params.storeId, "settings", "view");
  const input = await readIntent(args.request, forms);
  if ("response" in input) return input.response;
  const storeId = actor.store.id;
  const answer = { submission: input.submission, flash };
  const back = (toast: string) => () => ({ redirect: `/store/${storeId}/settings`, toast });
  if (input.intent === "details") {
    return respond(await updateStoreDetails(actor, storeId, input.value, ip), { ...answer, done: back(message("store.toast.detailsSaved")) });
  }
  if (input.intent === "regenerate") {
    return respond(await regenerateCollaboratorCode(actor, storeId, ip), { ...answer, done: back(message("store.toast.codeRegenerated")) });
  }
  const { required } = input.value;
  return respond(await setCodeRequired(actor, storeId, required, ip), { ...answer, done: back(message(required ? "store.toast.codeRequired" : "store.toast.codeNotRequired")) });
}

export default function Settings() {
  const t = useT();
  const { details, canManage, code } = useLoaderData<typeof loader>();
  return (
    <Page title={t("permission.section.settings")}>
      <Layout>
        <Layout.AnnotatedSection title={t("store.settings.details.title")} description={canManage ? t("store.settings.details.description") : t("store.settings.details.readOnly")}>
          {canManage ? <DetailsForm details={details} /> : <DetailsView details={details} />}
        </Layout.AnnotatedSection>
        {code && (
          <Layout.AnnotatedSection title={t("store.settings.code.title")} description={t("store.settings.code.description")}>
            <CodeCard code={code} />
          </Layout.AnnotatedSection>
        )}
      </Layout>
    </Page>
  );
}

type Details = Awaited<ReturnType<typeof loader>>["details"];
type Code = NonNullable<Awaited<ReturnType<typeof loader>>["code"]>;

function DetailsForm({ details }: { details: Details }) {
  const t = useT();
  const message = useMessage();
  const [form, fields] = useAppForm(storeDetailsSchema, { intent: "details" });
  // After a refusal the fields show what was sent (a field emptied stays empty), not the saved details.
  const initial = form.status === "error" ? undefined : details;
  const sent = (value: unknown, saved: string) => (!initial && typeof value === "string" ? value : saved);
  const [currency, setCurrency] = useState(sent(fields.currency.initialValue, details.currency));
  const [timezone, setTimezone] = useState(sent(fields.timezone.initialValue, details.timezone));
  const zones = COMMON_TIMEZONES.includes(timezone as (typeof COMMON_TIMEZONES)[number]) ? [...COMMON_TIMEZONES] : [timezone, ...COMMON_TIMEZONES];
  return (
    <Card>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="details" />
        <FormLayout>
          <FormErrors errors={form.errors} />
          <FormTextField label={t("store.settings.name")} field={fields.name} defaultValue={initial?.name} />
          <FormTextField label={t("store.settings.contactEmail")} field={fields.contactEmail} type="email" defaultValue={initial?.contactEmail} helpText={t("store.settings.contactEmailHelp")} />
          <FormTextField label={t("store.settings.address")} field={fields.address} defaultValue={initial?.address} multiline={2} />
          <FormLayout.Group>
            <Select
              label={t("store.settings.currency")}
              id={fields.currency.id}
              name={fields.currency.name}
              options={CURRENCIES.map((c) => ({ label: c, value: c }))}
              value={currency}
              onChange={setCurrency}
              error={message(fields.currency.errors)}
            />
            <Select
              label={t("store.settings.timezone")}
              id={fields.timezone.id}
              name={fields.timezone.name}
              options={zones.map((z) => ({ label: z, value: z }))}
              value={timezone}
              onChange={setTimezone}
              error={message(fields.timezone.errors)}
            />
          </FormLayout.Group>
          <FormTextField
            label={t("store.settings.inactivityDays")}
            field={fields.inactivityDays}
            type="number"
            min={INACTIVITY_DAYS.min}
            max={INACTIVITY_DAYS.max}
            defaultValue={initial ? String(initial.inactivityDays) : undefined}
            helpText={t("store.settings.inactivityDaysHelp")}
            suffix={t("store.settings.days")}
          />
          <SubmitButton intent="details">{t("common.save")}</SubmitButton>
        </FormLayout>
      </Form>
    </Card>
  );
}

function DetailsView({ details }: { details: Details }) {
  const t = useT();
  const rows: [string, string][] = [
    [t("store.settings.name"), details.name],
    [t("store.settings.domain"), details.domain],
    [t("store.settings.contactEmail"), details.contactEmail],
    [t("store.settings.address"), details.address || "—"],
    [t("store.settings.currency"), details.currency],
    [t("store.settings.timezone"), details.timezone],
    [t("store.settings.inactivityDays"), `${details.inactivityDays} ${t("store.settings.days")}`],
  ];
  return (
    <Card>
      <BlockStack gap="300">
        {rows.map(([label, value]) => (
          <BlockStack gap="050" key={label}>
            <Text as="h3" variant="headingSm">
              {label}
            </Text>
            <Text as="p">{value}</Text>
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}

function CodeCard({ code }: { code: Code }) {
  const t = useT();
  const locale = useLocale();
  const [dialog, setDialog] = useState<"regenerate" | "off" | "on" | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code.requestLink);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="400">
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              {t("store.settings.code.current")}
            </Text>
            <InlineStack gap="400" blockAlign="center">
              <Box background="bg-surface-secondary" paddingInline="400" paddingBlock="200" borderRadius="200">
                <span className="portier-mono" data-testid="collaborator-code" aria-label={t("store.settings.code.currentLabel", { code: code.code.split("").join(" ") })}>
                  {code.code}
                </span>
              </Box>
              <Button onClick={() => setDialog("regenerate")}>{t("store.settings.code.generate")}</Button>
            </InlineStack>
            <Text as="p" tone="subdued">
              {t("store.settings.code.help")}
            </Text>
          </BlockStack>
          <Checkbox
            label={t("store.settings.code.require")}
            helpText={t("store.settings.code.requireHelp")}
            checked={code.required}
            onChange={(checked) => setDialog(checked ? "on" : "off")}
          />
          {!code.required && (
            <Banner tone="warning" title={t("store.settings.code.offWarning.title")}>
              <p>{t("store.settings.code.risk")}</p>
            </Banner>
          )}
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h3" variant="headingSm">
            {t("store.settings.link.title")}
          </Text>
          <Text as="p">{t("store.settings.link.explain")}</Text>
          <TextField
            label={t("store.settings.link.label")}
            value={code.requestLink}
            readOnly
            autoComplete="off"
            onFocus={(event) => (event?.target as HTMLInputElement | undefined)?.select()}
            connectedRight={<Button onClick={copy}>{copied ? t("store.settings.link.copied") : t("store.settings.link.copy")}</Button>}
          />
          <Text as="p" tone="subdued">
            {code.required ? t("store.settings.link.withCode") : t("store.settings.link.withoutCode")}
          </Text>
        </BlockStack>
      </Card>
      <Card padding="0">
        <Box padding="400">
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {t("store.settings.attempts.title")}
            </Text>
            <Text as="p" tone="subdued">
              {t("store.settings.attempts.help", { limit: CODE_ATTEMPT_LIMIT, minutes: CODE_LOCKOUT_MINUTES })}
            </Text>
          </BlockStack>
        </Box>
        {code.failedAttempts.length === 0 ? (
          <Box padding="400" paddingBlockStart="0">
            <Text as="p">{t("store.settings.attempts.none")}</Text>
          </Box>
        ) : (
          <IndexTable
            resourceName={{ singular: t("store.settings.attempts.singular"), plural: t("store.settings.attempts.plural") }}
            itemCount={code.failedAttempts.length}
            selectable={false}
            headings={[{ title: t("store.collaborators.organization") }, { title: t("store.settings.attempts.count") }, { title: t("store.settings.attempts.last") }, { title: t("common.status") }]}
          >
            {code.failedAttempts.map((row, index) => (
              <IndexTable.Row id={row.organizationId} key={row.organizationId} position={index}>
                <IndexTable.Cell>{row.organizationName}</IndexTable.Cell>
                <IndexTable.Cell>{row.attempts}</IndexTable.Cell>
                <IndexTable.Cell>{row.lastAttemptAt ? formatDate(locale, row.lastAttemptAt, true) : "—"}</IndexTable.Cell>
                <IndexTable.Cell>{row.blocked ? <Badge tone="critical">{t("store.settings.attempts.blocked")}</Badge> : <Badge>{t("store.settings.attempts.allowed")}</Badge>}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
      </Card>
      {/* A new code ends the old one at once, and no code lets anyone send requests: both are confirmed. */}
      <ConfirmDialog open={dialog === "regenerate"} onClose={close} title={t("store.settings.code.generate.title")} confirmLabel={t("store.settings.code.generate")} intent="regenerate">
        <Text as="p">{t("store.settings.code.generate.body")}</Text>
      </ConfirmDialog>
      <ConfirmDialog open={dialog === "off"} onClose={close} title={t("store.settings.code.off.title")} confirmLabel={t("store.settings.code.off.confirm")} intent="requirement" fields={{ required: "false" }}>
        <Text as="p">{t("store.settings.code.risk")}</Text>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === "on"}
        onClose={close}
        title={t("store.settings.code.on.title")}
        confirmLabel={t("store.settings.code.on.confirm")}
        destructive={false}
        intent="requirement"
        fields={{ required: "true" }}
      >
        <Text as="p">{t("store.settings.code.on.body")}</Text>
      </ConfirmDialog>
    </BlockStack>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
