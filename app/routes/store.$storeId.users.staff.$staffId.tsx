import { readForm } from "~/lib/http.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { requireSection, requestMeta } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { invalid, respond } from "~/lib/service-response.server";
import { parseForm } from "~/domain/forms";
import { can, SECTIONS, toMap } from "~/domain/permissions";
import { accessApproved, staffActions, staffPermissionsSchema, type StaffAction } from "~/domain/staff";
import { archiveStaff, changeStaffPermissions, getStaffAccount, lockStaff, removeStaff, unarchiveStaff, unlockStaff } from "~/services/staff.server";
import { grantableLevels } from "~/components/ApproveDialog";
import { ActionModal } from "~/components/ActionModal";
import { PermissionPicker } from "~/components/PermissionPicker";
import { StaffStatusBadge } from "~/components/StaffStatusBadge";
import { SubmitButton, useFieldErrors } from "~/components/forms";
import { PageToast, toastUrl } from "~/components/PageToast";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatDate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Staff account · Portier" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSection(request, params.storeId, "staff", "view");
  const account = await getStaffAccount(actor.store.id, params.staffId ?? "");
  if (!account) notFound();
  const self = actor.kind !== "collaborator" && actor.staffAccountId === account.id;
  return {
    storeId: actor.store.id,
    account,
    self,
    canManage: can(actor.permissions, "staff", "manage") && !account.isOwner && !self,
    permissions: actor.permissions,
  };
}

const OPERATIONS = { lock: lockStaff, unlock: unlockStaff, archive: archiveStaff, unarchive: unarchiveStaff, remove: removeStaff } as const;
const TOASTS = { lock: "staffLocked", unlock: "staffUnlocked", archive: "staffArchived", unarchive: "staffUnarchived", remove: "staffRemoved" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSection(request, params.storeId, "staff", "manage");
  const staffId = params.staffId ?? "";
  const form = await readForm(request);
  const ip = requestMeta(request).ip;
  const here = `/store/${actor.store.id}/users/staff/${staffId}`;
  const intent = String(form.get("intent") ?? "");
  if (intent === "permissions") {
    const parsed = parseForm(staffPermissionsSchema, form);
    if (!parsed.ok) return invalid(parsed.errors);
    const result = await changeStaffPermissions(actor, actor.store.id, staffId, parsed.data.permissions, ip);
    return respond(result, toastUrl(here, "permissionsSaved", result.ok ? result.email : undefined));
  }
  // Own keys only: "__proto__" or "toString" are not operations.
  if (Object.hasOwn(OPERATIONS, intent)) {
    const key = intent as keyof typeof OPERATIONS;
    const result = await OPERATIONS[key](actor, actor.store.id, staffId, ip);
    const next = key === "remove" ? `/store/${actor.store.id}/users/staff` : here;
    return respond(result, toastUrl(next, TOASTS[key], result.ok ? result.email : undefined));
  }
  return invalid({ form: "errors.stale" });
}

type Dialog = StaffAction | "remove" | null;

export default function StaffAccountPage() {
  const t = useT();
  const locale = useLocale();
  const { storeId, account, self, canManage, permissions } = useLoaderData<typeof loader>();
  const { error } = useFieldErrors();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = useCallback(() => setDialog(null), []);
  const name = `${account.firstName} ${account.lastName}`;
  const approved = accessApproved(account);
  const reason = account.status !== "ACTIVE" ? `status.${account.status}` : "noPermission";
  const actions = canManage ? staffActions(account.status, account.isOwner) : [];

  return (
    <Page
      title={name}
      subtitle={account.email}
      titleMetadata={<StaffStatusBadge status={account.status} isOwner={account.isOwner} />}
      backAction={{ content: t("permission.section.staff"), url: `/store/${storeId}/users/staff` }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {error("form") && (
              <Banner tone="critical">
                <p>{error("form")}</p>
              </Banner>
            )}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("store.staff.access.title")}
                </Text>
                {approved ? (
                  <Text as="p">{t("store.staff.access.approved")}</Text>
                ) : (
                  <Text as="p" tone="critical">
                    {t(`store.staff.access.refused.${reason}`)}
                  </Text>
                )}
              </BlockStack>
            </Card>
            <Card>
              {account.isOwner ? (
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    {t("permission.picker.legend")}
                  </Text>
                  <Text as="p">{t("store.staff.ownerPermissions")}</Text>
                </BlockStack>
              ) : (
                <Form method="post" noValidate>
                  <BlockStack gap="400">
                    <input type="hidden" name="intent" value="permissions" />
                    <PermissionPicker
                      sections={SECTIONS}
                      value={toMap(account.permissions)}
                      maxLevels={grantableLevels(permissions, account.permissions, SECTIONS)}
                      disabledSections={canManage ? [] : SECTIONS}
                      error={error("permissions")}
                      helpText={canManage ? t("store.staff.permissionsHelp") : self ? t("store.staff.selfNote") : t("store.staff.readOnlyNote")}
                    />
                    {canManage && (
                      <InlineStack align="end">
                        <SubmitButton intent="permissions">{t("common.save")}</SubmitButton>
                      </InlineStack>
                    )}
                  </BlockStack>
                </Form>
              )}
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("store.staff.account")}
              </Text>
              <Text as="p" tone="subdued">
                {t("store.staff.added", { date: formatDate(locale, account.createdAt) })}
              </Text>
              <Text as="p" tone="subdued">
                {t("store.staff.lastActiveAt", { date: account.lastActiveAt ? formatDate(locale, account.lastActiveAt, true) : t("common.never") })}
              </Text>
              {actions.length > 0 && (
                <BlockStack gap="200">
                  {actions.map((action) => (
                    <Button key={action} onClick={() => setDialog(action)} tone={action === "lock" || action === "archive" ? "critical" : undefined}>
                      {t(`store.staff.action.${action}`)}
                    </Button>
                  ))}
                  <Button variant="plain" tone="critical" onClick={() => setDialog("remove")}>
                    {t("store.staff.action.remove")}
                  </Button>
                </BlockStack>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
      {canManage &&
        ([...actions, "remove"] as const).map((action) => (
          <ActionModal
            key={action}
            open={dialog === action}
            onClose={close}
            title={t(`store.staff.confirm.${action}.title`, { name })}
            primaryLabel={t(`store.staff.action.${action}`)}
            destructive={action === "lock" || action === "archive" || action === "remove"}
            intent={action}
          >
            <Text as="p">{t(`store.staff.confirm.${action}.body`, { name })}</Text>
          </ActionModal>
        ))}
      <PageToast />
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
