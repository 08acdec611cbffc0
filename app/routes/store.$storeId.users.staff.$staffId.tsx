import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { notFound } from "~/lib/http.server";
import { readIntent } from "~/lib/intents.server";
import { respond } from "~/lib/respond.server";
import { requireSection } from "~/services/guards.server";
import { can, SECTIONS, toMap } from "~/domain/permissions";
import { accessApproved, invitationOpen, staffActionSchema, staffActions, staffNameSchema, staffPermissionsSchema, type StaffAction } from "~/domain/staff";
import {
  archiveStaff,
  changeStaffPermissions,
  getStaffAccount,
  lockStaff,
  removeStaff,
  renameStaff,
  resendStaffInvitation,
  revokeStaffInvitation,
  unarchiveStaff,
  unlockStaff,
} from "~/services/staff.server";
import { message } from "~/i18n/messages";
import type { MessageKey } from "~/i18n";
import { grantableLevels } from "~/components/ApproveDialog";
import { ConfirmDialog } from "~/components/ConfirmDialog";
import { PermissionPicker } from "~/components/PermissionPicker";
import { StaffStatusBadge } from "~/components/StaffStatusBadge";
import { FormErrors, FormTextField, SubmitButton, getFormProps, useAppForm, useMessage } from "~/components/forms";
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
  // feature-logs: the name, and an open invitation sent again or revoked.
  rename: staffNameSchema,
  resend: staffActionSchema,
  revoke: staffActionSchema,
};

type Operation = StaffAction | "remove" | "resend" | "revoke";

const OPERATIONS = {
  lock: lockStaff,
  unlock: unlockStaff,
  archive: archiveStaff,
  unarchive: unarchiveStaff,
  remove: removeStaff,
  resend: resendStaffInvitation,
  revoke: revokeStaffInvitation,
} as const;
const TOASTS: Record<Operation, MessageKey> = {
  resend: "logs.staff.toast.resent",
  revoke: "logs.staff.toast.revoked",
  lock: "store.toast.staffLocked",
  unlock: "store.toast.staffUnlocked",
  archive: "store.toast.staffArchived",
  unarchive: "store.toast.staffUnarchived",
  remove: "store.toast.staffRemoved",
};
/** Taking access away is confirmed in red; giving it back is not. */
const DESTRUCTIVE: Record<Operation, boolean> = { lock: true, unlock: false, archive: true, unarchive: false, remove: true, resend: false, revoke: true };
/** The labels of the two invitation operations (the others' are in the store catalogue). */
const INVITATION_TEXT = {
  resend: { action: "logs.staff.action.resend", title: "logs.staff.confirm.resend.title", body: "logs.staff.confirm.resend.body" },
  revoke: { action: "logs.staff.action.revoke", title: "logs.staff.confirm.revoke.title", body: "logs.staff.confirm.revoke.body" },
} as const;

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
  if (input.intent === "rename") {
    const result = await renameStaff(actor, actor.store.id, staffId, input.value, ip);
    return respond(result, { submission: input.submission, flash, done: () => ({ redirect: here, toast: message("logs.staff.toast.renamed") }) });
  }
  const operation = input.intent;
  const result = await OPERATIONS[operation](actor, actor.store.id, staffId, ip);
  const next = operation === "remove" || operation === "revoke" ? `/store/${actor.store.id}/users/staff` : here;
  return respond(result, { submission: input.submission, flash, done: ({ email }) => ({ redirect: next, toast: message(TOASTS[operation], { name: email }) }) });
}

export default function StaffAccountPage() {
  const t = useT();
  const locale = useLocale();
  const { storeId, account, self, canManage, permissions } = useLoaderData<typeof loader>();
  const text = useMessage();
  const [form] = useAppForm(staffPermissionsSchema, { intent: "permissions" });
  const [nameForm, nameFields] = useAppForm(staffNameSchema, { intent: "rename" });
  const invitation = canManage && invitationOpen(account) ? (["resend", "revoke"] as const) : [];
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
            {canManage && (
              <Card>
                <Form method="post" {...getFormProps(nameForm)}>
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      {t("logs.staff.name.title")}
                    </Text>
                    <FormErrors errors={nameForm.errors} />
                    <input type="hidden" name="intent" value="rename" />
                    <InlineStack gap="300" wrap>
                      <FormTextField label={t("auth.firstName")} field={nameFields.firstName} defaultValue={account.firstName} autoComplete="off" />
                      <FormTextField label={t("auth.lastName")} field={nameFields.lastName} defaultValue={account.lastName} autoComplete="off" />
                    </InlineStack>
                    <InlineStack align="end">
                      <SubmitButton intent="rename">{t("logs.staff.name.save")}</SubmitButton>
                    </InlineStack>
                  </BlockStack>
                </Form>
              </Card>
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
                  {invitation.map((operation) => (
                    <Button key={operation} onClick={() => setDialog(operation)} tone={operation === "revoke" ? "critical" : undefined}>
                      {t(INVITATION_TEXT[operation].action)}
                    </Button>
                  ))}
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
      {invitation.map((operation) => (
        <ConfirmDialog
          key={operation}
          open={dialog === operation}
          onClose={close}
          title={t(INVITATION_TEXT[operation].title, { name })}
          confirmLabel={t(INVITATION_TEXT[operation].action)}
          destructive={DESTRUCTIVE[operation]}
          intent={operation}
        >
          <Text as="p">{t(INVITATION_TEXT[operation].body, { name })}</Text>
        </ConfirmDialog>
      ))}
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
