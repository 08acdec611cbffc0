import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { notFound } from "~/lib/http.server";
import { readIntent } from "~/lib/intents.server";
import { respond } from "~/lib/respond.server";
import { requireSection } from "~/services/guards.server";
import { can, SECTIONS, toMap } from "~/domain/permissions";
import { accessApproved, staffActionSchema, staffActions, staffPermissionsSchema, type StaffAction } from "~/domain/staff";
import { archiveStaff, changeStaffPermissions, getStaffAccount, lockStaff, removeStaff, unarchiveStaff, unlockStaff } from "~/services/staff.server";
import { message } from "~/i18n/messages";
import type { MessageKey } from "~/i18n";
import { grantableLevels } from "~/components/ApproveDialog";
import { ConfirmDialog } from "~/components/ConfirmDialog";
import { PermissionPicker } from "~/components/PermissionPicker";
import { StaffStatusBadge } from "~/components/StaffStatusBadge";
import { FormErrors, SubmitButton, getFormProps, useAppForm, useMessage } from "~/components/forms";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatDate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Staff account · Portier" }];

// The account is the page's (its id is in the address): the buttons carry no field.
export const forms = {
  permissions: staffPermissionsSchema,
  lock: staffActionSchema,
  unlock: staffActionSchema,
  archive: staffActionSchema,
  unarchive: staffActionSchema,
  remove: staffActionSchema,
};

type Operation = StaffAction | "remove";

const OPERATIONS = { lock: lockStaff, unlock: unlockStaff, archive: archiveStaff, unarchive: unarchiveStaff, remove: removeStaff } as const;
const TOASTS: Record<Operation, MessageKey> = {
  lock: "store.toast.staffLocked",
  unlock: "store.toast.staffUnlocked",
  archive: "store.toast.staffArchived",
  unarchive: "store.toast.staffUnarchived",
  remove: "store.toast.staffRemoved",
};
/** Taking access away is confirmed in red; giving it back is not. */
const DESTRUCTIVE: Record<Operation, boolean> = { lock: true, unlock: false, archive: true, unarchive: false, remove: true };

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireSection(args, args.params.storeId, "staff", "view");
  const account = await getStaffAccount(actor.store.id, args.params.staffId ?? "");
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

export async function action(args: ActionFunctionArgs) {
  const { actor, ip, flash } = await requireSection(args, args.params.storeId, "staff", "manage");
  const staffId = args.params.staffId ?? "";
  const input = await readIntent(args.request, forms);
  if ("response" in input) return input.response;
  const here = `/store/${actor.store.id}/users/staff/${staffId}`;
  if (input.intent === "permissions") {
    const result = await changeStaffPermissions(actor, actor.store.id, staffId, input.value.permissions, ip);
    return respond(result, { submission: input.submission, flash, done: ({ email }) => ({ redirect: here, toast: message("store.toast.permissionsSaved", { name: email }) }) });
  }
  const operation = input.intent;
  const result = await OPERATIONS[operation](actor, actor.store.id, staffId, ip);
  const next = operation === "remove" ? `/store/${actor.store.id}/users/staff` : here;
  return respond(result, { submission: input.submission, flash, done: ({ email }) => ({ redirect: next, toast: message(TOASTS[operation], { name: email }) }) });
}

export default function StaffAccountPage() {
  const t = useT();
  const locale = useLocale();
  const { storeId, account, self, canManage, permissions } = useLoaderData<typeof loader>();
  const text = useMessage();
  const [form] = useAppForm(staffPermissionsSchema, { intent: "permissions" });
  const [dialog, setDialog] = useState<Operation | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const name = `${account.firstName} ${account.lastName}`;
  const approved = accessApproved(account);
  const reason = account.status !== "ACTIVE" ? (`status.${account.status}` as const) : "noPermission";
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
            <FormErrors errors={form.errors} />
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
                <Form method="post" {...getFormProps(form)}>
                  <BlockStack gap="400">
                    <input type="hidden" name="intent" value="permissions" />
                    <PermissionPicker
                      sections={SECTIONS}
                      value={toMap(account.permissions)}
                      maxLevels={grantableLevels(permissions, account.permissions, SECTIONS)}
                      disabledSections={canManage ? [] : SECTIONS}
                      error={text(form.allErrors.permissions)}
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
          <ConfirmDialog
            key={action}
            open={dialog === action}
            onClose={close}
            title={t(`store.staff.confirm.${action}.title`, { name })}
            confirmLabel={t(`store.staff.action.${action}`)}
            destructive={DESTRUCTIVE[action]}
            intent={action}
          >
            <Text as="p">{t(`store.staff.confirm.${action}.body`, { name })}</Text>
          </ConfirmDialog>
        ))}
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
