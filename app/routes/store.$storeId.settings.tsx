// Settings: the store's details (view with settings:view, edit with settings:manage) and the owner-only
// collaborator request code card (the code, Generate new code, Require a code, the request link,
// failed attempts by organization).
import { readForm } from "~/lib/http.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  FormLayout,
  IndexTable,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useCallback, useState } from "react";
import { requireSection, requestMeta } from "~/lib/auth.server";
import { env } from "~/lib/env.server";
import { invalid, respond } from "~/lib/service-response.server";
import { formToObject, parseForm } from "~/domain/forms";
import { can } from "~/domain/permissions";
import { CODE_ATTEMPT_LIMIT, CODE_LOCKOUT_MINUTES } from "~/domain/collaborator-code";
import { COMMON_TIMEZONES, CURRENCIES, INACTIVITY_DAYS, codeRequirementSchema, requestLinkPath, storeDetailsSchema } from "~/domain/store-settings";
import { getCodeSettings, getStoreDetails, regenerateCollaboratorCode, setCodeRequired, updateStoreDetails } from "~/services/store-settings.server";
import { ActionModal } from "~/components/ActionModal";
import { FormTextField, SubmitButton, useFieldErrors } from "~/components/forms";
import { PageToast, toastUrl } from "~/components/PageToast";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatDate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Settings · Portier" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSection(request, params.storeId, "settings", "view");
  const [details, code] = await Promise.all([getStoreDetails(actor.store.id), getCodeSettings(actor, actor.store.id)]);
  const origin = env().APP_ORIGIN ?? new URL(request.url).origin;
  return {
    details,
    canManage: can(actor.permissions, "settings", "manage"),
    code: code ? { ...code, requestLink: `${origin}${requestLinkPath(code.domain)}` } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSection(request, params.storeId, "settings", "view");
  const form = await readForm(request);
  const ip = requestMeta(request).ip;
  const back = `/store/${actor.store.id}/settings`;
  const intent = form.get("intent");
  if (intent === "details") {
    const values = formToObject(form);
    const parsed = parseForm(storeDetailsSchema, form);
    if (!parsed.ok) return invalid(parsed.errors, values, { max: 100, min: INACTIVITY_DAYS.min, maxDays: INACTIVITY_DAYS.max });
    return respond(await updateStoreDetails(actor, actor.store.id, parsed.data, ip), toastUrl(back, "detailsSaved"), values);
  }
  if (intent === "regenerate") return respond(await regenerateCollaboratorCode(actor, actor.store.id, ip), toastUrl(back, "codeRegenerated"));
  if (intent === "requirement") {
    const parsed = parseForm(codeRequirementSchema, form);
    if (!parsed.ok) return invalid(parsed.errors);
    return respond(await setCodeRequired(actor, actor.store.id, parsed.data.required, ip), toastUrl(back, parsed.data.required ? "codeRequired" : "codeNotRequired"));
  }
  return invalid({ form: "errors.stale" });
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
      <PageToast />
    </Page>
  );
}

type Details = Awaited<ReturnType<typeof loader>>["details"];
type Code = NonNullable<Awaited<ReturnType<typeof loader>>["code"]>;

function DetailsForm({ details }: { details: Details }) {
  const t = useT();
  const { error, values } = useFieldErrors();
  const [currency, setCurrency] = useState(values.currency ?? details.currency);
  const [timezone, setTimezone] = useState(values.timezone ?? details.timezone);
  const zones = COMMON_TIMEZONES.includes(timezone as (typeof COMMON_TIMEZONES)[number]) ? [...COMMON_TIMEZONES] : [timezone, ...COMMON_TIMEZONES];
  return (
    <Card>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="details" />
        <FormLayout>
          {error("form") && <Banner tone="critical">{error("form")}</Banner>}
          <FormTextField label={t("store.settings.name")} name="name" defaultValue={values.name ?? details.name} error={error("name")} />
          <FormTextField label={t("store.settings.contactEmail")} name="contactEmail" type="email" defaultValue={values.contactEmail ?? details.contactEmail} error={error("contactEmail")} helpText={t("store.settings.contactEmailHelp")} />
          <FormTextField label={t("store.settings.address")} name="address" defaultValue={values.address ?? details.address} error={error("address")} multiline={2} />
          <FormLayout.Group>
            <Select label={t("store.settings.currency")} name="currency" options={CURRENCIES.map((c) => ({ label: c, value: c }))} value={currency} onChange={setCurrency} error={error("currency")} />
            <Select label={t("store.settings.timezone")} name="timezone" options={zones.map((z) => ({ label: z, value: z }))} value={timezone} onChange={setTimezone} error={error("timezone")} />
          </FormLayout.Group>
          <FormTextField
            label={t("store.settings.inactivityDays")}
            name="inactivityDays"
            type="number"
            min={INACTIVITY_DAYS.min}
            max={INACTIVITY_DAYS.max}
            defaultValue={values.inactivityDays ?? String(details.inactivityDays)}
            error={error("inactivityDays")}
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
      <ActionModal open={dialog === "regenerate"} onClose={close} title={t("store.settings.code.generate.title")} primaryLabel={t("store.settings.code.generate")} intent="regenerate">
        <Text as="p">{t("store.settings.code.generate.body")}</Text>
      </ActionModal>
      <ActionModal
        open={dialog === "off"}
        onClose={close}
        title={t("store.settings.code.off.title")}
        primaryLabel={t("store.settings.code.off.confirm")}
        destructive
        intent="requirement"
        fields={{ required: "false" }}
      >
        <Text as="p">{t("store.settings.code.risk")}</Text>
      </ActionModal>
      <ActionModal open={dialog === "on"} onClose={close} title={t("store.settings.code.on.title")} primaryLabel={t("store.settings.code.on.confirm")} intent="requirement" fields={{ required: "true" }}>
        <Text as="p">{t("store.settings.code.on.body")}</Text>
      </ActionModal>
    </BlockStack>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
