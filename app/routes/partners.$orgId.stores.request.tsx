import { readForm } from "~/lib/http.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, FormLayout, Layout, Page } from "@shopify/polaris";
import { requireMember, requestMeta } from "~/lib/auth.server";
import { formToObject, parseForm } from "~/domain/forms";
import { accessRequestSchema } from "~/domain/access-request";
import { normalizeStoreDomain } from "~/domain/store-url";
import { MESSAGE_MAX_LENGTH, pendingCounterOf } from "~/domain/request-lifecycle";
import { COLLABORATOR_SECTIONS } from "~/domain/permissions";
import { requestAccess } from "~/services/access-requests.server";
import { FormTextField, SubmitButton, useFieldErrors } from "~/components/forms";
import { PermissionPicker } from "~/components/PermissionPicker";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Request access to store · Portier" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireMember(request, params.orgId);
  // The owner's request link (?store=<domain>) fills in the store URL; the code must still be typed.
  const fromLink = normalizeStoreDomain(new URL(request.url).searchParams.get("store") ?? "");
  return { organization: { id: organization.id, name: organization.name }, counter: pendingCounterOf(organization.pendingRequestCount), fromLink };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, organization } = await requireMember(request, params.orgId);
  const form = await readForm(request);
  // Never echo the code back into the page.
  const { code: _code, ...values } = formToObject(form);
  const parsed = parseForm(accessRequestSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values, params: { max: MESSAGE_MAX_LENGTH } }, { status: 400 });
  const result = await requestAccess(session.user, organization.id, parsed.data, requestMeta(request).ip);
  if (!result.ok) return data({ errors: result.errors, values, params: { max: MESSAGE_MAX_LENGTH, ...result.params } }, { status: refusalStatus(result.errors) });
  return redirect(`/partners/${organization.id}/stores?toast=requested`);
}

/** Bad input 400, throttled 429, not yours 404, refused by a rule (already pending, cap, staff) 409. */
function refusalStatus(errors: Record<string, string>): number {
  if (errors.code === "partner.request.errors.throttled") return 429;
  if (errors.form === "partner.errors.notFound") return 404;
  if (errors.code || errors.storeUrl === "partner.request.errors.unknownStore") return 400;
  return 409;
}

export default function RequestAccess() {
  const t = useT();
  const { organization, counter, fromLink } = useLoaderData<typeof loader>();
  const { error } = useFieldErrors();
  const formError = error("form");
  return (
    <Page
      narrowWidth
      title={t("partner.request.title")}
      backAction={{ content: t("partner.nav.stores"), url: `/partners/${organization.id}/stores` }}
      subtitle={t("partner.stores.counter", { count: counter.pending, limit: counter.limit })}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {counter.full && <Banner tone="warning">{t("partner.stores.capReached", { limit: counter.limit })}</Banner>}
            {fromLink && !formError && <Banner tone="info">{t("partner.request.fromLink")}</Banner>}
            {formError && (
              <Banner tone="critical">
                <p role="alert">{formError}</p>
              </Banner>
            )}
            <Card>
              <Form method="post" noValidate>
                <FormLayout>
                  <FormTextField
                    label={t("partner.request.storeUrl")}
                    name="storeUrl"
                    inputMode="url"
                    autoComplete="url"
                    defaultValue={fromLink ?? ""}
                    placeholder="maple-goods.portier.test"
                    helpText={t("partner.request.storeUrlHelp")}
                    error={error("storeUrl")}
                  />
                  <FormTextField
                    label={t("partner.request.code")}
                    name="code"
                    inputMode="numeric"
                    maxLength={10}
                    autoComplete="off"
                    helpText={t("partner.request.codeHelp")}
                    error={error("code")}
                  />
                  <PermissionPicker
                    sections={COLLABORATOR_SECTIONS}
                    value={{}}
                    helpText={t("partner.request.permissionsHelp")}
                    error={error("permissions")}
                  />
                  <FormTextField
                    label={t("partner.request.message")}
                    name="message"
                    multiline={4}
                    maxLength={MESSAGE_MAX_LENGTH}
                    showCharacterCount
                    helpText={t("partner.request.messageHelp")}
                    error={error("message")}
                  />
                  <SubmitButton disabled={counter.full}>{t("partner.request.submit")}</SubmitButton>
                </FormLayout>
              </Form>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
