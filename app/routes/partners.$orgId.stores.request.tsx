import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, FormLayout, Layout, Page } from "@shopify/polaris";
import { readForm } from "~/lib/http.server";
import { invalidSubmission, respond } from "~/lib/respond.server";
import { requireMember } from "~/services/guards.server";
import { requestAccess } from "~/services/access-requests.server";
import { parseSubmission } from "~/domain/forms";
import { accessRequestSchema } from "~/domain/access-request";
import { normalizeStoreDomain } from "~/domain/store-url";
import { MESSAGE_MAX_LENGTH, pendingCounterOf } from "~/domain/request-lifecycle";
import { COLLABORATOR_SECTIONS } from "~/domain/permissions";
import { message } from "~/i18n/messages";
import { FormErrors, FormTextField, SubmitButton, getFormProps, useAppForm, useMessage } from "~/components/forms";
import { PermissionPicker } from "~/components/PermissionPicker";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Request access to store · Portier" }];

export const schema = accessRequestSchema;

export async function loader(args: LoaderFunctionArgs) {
  const { organization } = await requireMember(args, args.params.orgId);
  // The owner's request link (?store=<domain>) fills in the store URL; the code must still be typed.
  const fromLink = normalizeStoreDomain(new URL(args.request.url).searchParams.get("store") ?? "");
  return { organization: { id: organization.id, name: organization.name }, counter: pendingCounterOf(organization.pendingRequestCount), fromLink };
}

export async function action(args: ActionFunctionArgs) {
  const { session, organization, ip, flash } = await requireMember(args, args.params.orgId);
  const submission = parseSubmission(await readForm(args.request), schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const result = await requestAccess(session.user, organization.id, submission.value, ip);
  return respond(result, { submission, flash, done: () => ({ redirect: `/partners/${organization.id}/stores`, toast: message("partner.stores.toast.requested") }) });
}

export default function RequestAccess() {
  const t = useT();
  const text = useMessage();
  const { organization, counter, fromLink } = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm(schema);
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
            {counter.full && <Banner tone="warning">{t("partner.stores.capReached", { limit: counter.limit, count: counter.limit })}</Banner>}
            {fromLink && !form.errors && <Banner tone="info">{t("partner.request.fromLink")}</Banner>}
            <FormErrors errors={form.errors} />
            <Card>
              <Form method="post" {...getFormProps(form)}>
                <FormLayout>
                  <FormTextField
                    label={t("partner.request.storeUrl")}
                    field={fields.storeUrl}
                    inputMode="url"
                    autoComplete="url"
                    defaultValue={fromLink ?? ""}
                    placeholder="maple-goods.portier.test"
                    helpText={t("partner.request.storeUrlHelp")}
                  />
                  <FormTextField label={t("partner.request.code")} field={fields.code} inputMode="numeric" maxLength={10} autoComplete="off" helpText={t("partner.request.codeHelp")} />
                  <PermissionPicker sections={COLLABORATOR_SECTIONS} value={{}} helpText={t("partner.request.permissionsHelp")} error={text(form.allErrors.permissions)} />
                  <FormTextField
                    label={t("partner.request.message")}
                    field={fields.message}
                    multiline={4}
                    maxLength={MESSAGE_MAX_LENGTH}
                    showCharacterCount
                    helpText={t("partner.request.messageHelp")}
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
