import { readForm } from "~/lib/http.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, FormLayout, Page, Text } from "@shopify/polaris";
import { requireSection, requestMeta } from "~/lib/auth.server";
import { invalid, respond } from "~/lib/service-response.server";
import { formToObject, parseForm } from "~/domain/forms";
import { SECTIONS, toMap } from "~/domain/permissions";
import { INVITATION_DAYS, inviteStaffSchema } from "~/domain/staff";
import { inviteStaff } from "~/services/staff.server";
import { grantableLevels } from "~/components/ApproveDialog";
import { PermissionPicker } from "~/components/PermissionPicker";
import { FormTextField, SubmitButton, useFieldErrors } from "~/components/forms";
import { toastUrl } from "~/components/PageToast";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Add staff · Portier" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSection(request, params.storeId, "staff", "manage");
  return { storeId: actor.store.id, permissions: actor.permissions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSection(request, params.storeId, "staff", "manage");
  const form = await readForm(request);
  const values = formToObject(form);
  const parsed = parseForm(inviteStaffSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, values, { max: 80 });
  const result = await inviteStaff(actor, actor.store.id, parsed.data, requestMeta(request).ip);
  return respond(result, toastUrl(`/store/${actor.store.id}/users/staff`, "invited", parsed.data.email), values);
}

export default function AddStaff() {
  const t = useT();
  const { storeId, permissions } = useLoaderData<typeof loader>();
  const { error, values } = useFieldErrors();
  const chosen = toMap(Object.entries(values).filter(([key, value]) => key.startsWith("perm.") && value).map(([key, value]) => `${key.slice(5)}_${value}`));
  return (
    <Page narrowWidth title={t("store.staff.add")} backAction={{ content: t("permission.section.staff"), url: `/store/${storeId}/users/staff` }}>
      <Form method="post" noValidate>
        <BlockStack gap="400">
          {error("form") && (
            <Banner tone="critical" title={t("store.staff.add.refused")}>
              <p>{error("form")}</p>
            </Banner>
          )}
          <Card>
            <FormLayout>
              <FormLayout.Group>
                <FormTextField label={t("auth.firstName")} name="firstName" autoComplete="off" defaultValue={values.firstName} error={error("firstName")} />
                <FormTextField label={t("auth.lastName")} name="lastName" autoComplete="off" defaultValue={values.lastName} error={error("lastName")} />
              </FormLayout.Group>
              <FormTextField
                label={t("auth.email")}
                name="email"
                type="email"
                autoComplete="off"
                defaultValue={values.email}
                error={error("email")}
                helpText={t("store.staff.add.emailHelp", { days: INVITATION_DAYS })}
              />
            </FormLayout>
          </Card>
          <Card>
            <PermissionPicker
              sections={SECTIONS}
              value={chosen}
              maxLevels={grantableLevels(permissions, [], SECTIONS)}
              error={error("permissions")}
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
