import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, FormLayout, Page, Text } from "@shopify/polaris";
import { readForm } from "~/lib/http.server";
import { invalidSubmission, respond } from "~/lib/respond.server";
import { requireSection } from "~/services/guards.server";
import { parseSubmission } from "~/domain/forms";
import { SECTIONS, permissionsFromForm, toMap } from "~/domain/permissions";
import { INVITATION_DAYS, inviteStaffSchema } from "~/domain/staff";
import { inviteStaff } from "~/services/staff.server";
import { message } from "~/i18n/messages";
import { grantableLevels } from "~/components/ApproveDialog";
import { PermissionPicker } from "~/components/PermissionPicker";
import { FormTextField, SubmitButton, getFormProps, useAppForm, useMessage } from "~/components/forms";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Add staff · Portier" }];

export const schema = inviteStaffSchema;

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireSection(args, args.params.storeId, "staff", "manage");
  return { storeId: actor.store.id, permissions: actor.permissions };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, ip, flash } = await requireSection(args, args.params.storeId, "staff", "manage");
  const submission = parseSubmission(await readForm(args.request), schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const result = await inviteStaff(actor, actor.store.id, submission.value, ip);
  const done = () => ({ redirect: `/store/${actor.store.id}/users/staff`, toast: message("store.toast.invited", { name: submission.value.email }) });
  return respond(result, { submission, flash, done });
}

export default function AddStaff() {
  const t = useT();
  const text = useMessage();
  const { storeId, permissions } = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm(schema);
  // The last attempt's choice, when the page comes back refused.
  const last = permissionsFromForm((form.initialValue ?? {}) as Record<string, unknown>, SECTIONS);
  const chosen = toMap(last === "invalid" ? [] : last);
  const refused = text(form.errors);
  return (
    <Page narrowWidth title={t("store.staff.add")} backAction={{ content: t("permission.section.staff"), url: `/store/${storeId}/users/staff` }}>
      <Form method="post" {...getFormProps(form)}>
        <BlockStack gap="400">
          {refused && (
            <Banner tone="critical" title={t("store.staff.add.refused")}>
              <p role="alert">{refused}</p>
            </Banner>
          )}
          <Card>
            <FormLayout>
              <FormLayout.Group>
                <FormTextField label={t("auth.firstName")} field={fields.firstName} />
                <FormTextField label={t("auth.lastName")} field={fields.lastName} />
              </FormLayout.Group>
              <FormTextField label={t("auth.email")} field={fields.email} type="email" helpText={t("store.staff.add.emailHelp", { days: INVITATION_DAYS, count: INVITATION_DAYS })} />
            </FormLayout>
          </Card>
          <Card>
            <PermissionPicker
              sections={SECTIONS}
              value={chosen}
              maxLevels={grantableLevels(permissions, [], SECTIONS)}
              error={text(form.allErrors.permissions)}
              helpText={t("store.staff.add.permissionsHelp")}
            />
          </Card>
          <Text as="p" tone="subdued">
            {t("store.staff.add.limitNote")}
          </Text>
          <div>
            <SubmitButton>{t("store.staff.add.submit")}</SubmitButton>
          </div>
        </BlockStack>
      </Form>
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
