import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Button, ButtonGroup, Card, EmptyState, IndexTable, Text } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { readIntent } from "~/lib/intents.server";
import { respond } from "~/lib/respond.server";
import { requireSection } from "~/services/guards.server";
import { accessTargetSchema, collaboratorPermissionsSchema } from "~/domain/staff";
import type { CollaboratorChange } from "~/domain/collaborator-access";
import { can } from "~/domain/permissions";
import { changeCollaboratorAccess, changeCollaboratorPermissions, listCollaborators } from "~/services/collaborator-decisions.server";
import { setEndDate } from "~/services/access-expiry.server";
import { dayOf, endDateSchema } from "~/domain/access-expiry";
import { EndDateField } from "~/components/EndDateField";
import { message } from "~/i18n/messages";
import type { MessageKey } from "~/i18n";
import { PermissionsDialog } from "~/components/ApproveDialog";
import { ConfirmDialog } from "~/components/ConfirmDialog";
import { PermissionBadges } from "~/components/PermissionBadges";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatDate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const handle = { usersTab: "collaborators" };

export const forms = { permissions: collaboratorPermissionsSchema, suspend: accessTargetSchema, resume: accessTargetSchema, remove: accessTargetSchema, endDate: endDateSchema };

const TOASTS: Record<CollaboratorChange, MessageKey> = {
  suspend: "store.toast.collaboratorSuspended",
  resume: "store.toast.collaboratorResumed",
  remove: "store.toast.collaboratorRemoved",
};

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireSection(args, args.params.storeId, "staff", "view");
  const collaborators = await listCollaborators(actor.store.id);
  return { collaborators, canManage: can(actor.permissions, "staff", "manage"), permissions: actor.permissions };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, ip, flash } = await requireSection(args, args.params.storeId, "staff", "manage");
  const input = await readIntent(args.request, forms);
  if ("response" in input) return input.response;
  const back = `/store/${actor.store.id}/users/collaborators`;
  if (input.intent === "permissions") {
    const result = await changeCollaboratorPermissions(actor, actor.store.id, input.value.accessId, input.value.permissions, ip);
    return respond(result, { submission: input.submission, flash, done: ({ organizationName }) => ({ redirect: back, toast: message("store.toast.permissionsSaved", { name: organizationName }) }) });
  }
  if (input.intent === "endDate") {
    const result = await setEndDate(actor, actor.store.id, input.value.accessId, input.value.endsOn, ip);
    return respond(result, {
      submission: input.submission,
      flash,
      done: ({ organizationName, cleared }) => ({ redirect: back, toast: message(cleared ? "expiry.toast.cleared" : "expiry.toast.set", { name: organizationName }) }),
    });
  }
  const change = input.intent;
  const result = await changeCollaboratorAccess(actor, actor.store.id, input.value.accessId, change, ip);
  return respond(result, { submission: input.submission, flash, done: ({ organizationName }) => ({ redirect: back, toast: message(TOASTS[change], { name: organizationName }) }) });
}

type Collaborator = Awaited<ReturnType<typeof loader>>["collaborators"][number];
type Dialog = { kind: "permissions" | "endDate" | CollaboratorChange; collaborator: Collaborator } | null;

export default function Collaborators() {
  const t = useT();
  const locale = useLocale();
  const { collaborators, canManage, permissions } = useLoaderData<typeof loader>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = useCallback(() => setDialog(null), []);

  if (collaborators.length === 0) {
    return (
      <Card>
        <EmptyState heading={t("store.collaborators.empty.title")} image="/empty-state.svg">
          <p>{t("store.collaborators.empty.body")}</p>
        </EmptyState>
      </Card>
    );
  }

  const rows = collaborators.map((collaborator, index) => (
    <IndexTable.Row id={collaborator.id} key={collaborator.id} position={index}>
      <IndexTable.Cell>
        <Text as="span" variant="bodyMd" fontWeight="semibold">
          {collaborator.organization.name}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        {collaborator.state === "SUSPENDED" ? <Badge tone="warning">{t("store.collaborators.suspended")}</Badge> : <Badge tone="success">{t("store.collaborators.managed")}</Badge>}
      </IndexTable.Cell>
      <IndexTable.Cell>
        <PermissionBadges permissions={collaborator.permissions} />
      </IndexTable.Cell>
      <IndexTable.Cell>{collaborator.grantedAt ? formatDate(locale, collaborator.grantedAt) : "—"}</IndexTable.Cell>
      <IndexTable.Cell>{collaborator.lastUsedAt ? formatDate(locale, collaborator.lastUsedAt, true) : t("common.never")}</IndexTable.Cell>
      <IndexTable.Cell>{collaborator.endsAt ? formatDate(locale, collaborator.endsAt) : t("expiry.noEndDate")}</IndexTable.Cell>
      {canManage && (
        <IndexTable.Cell>
          <ButtonGroup>
            <Button size="slim" onClick={() => setDialog({ kind: "permissions", collaborator })} accessibilityLabel={t("store.collaborators.editLabel", { organization: collaborator.organization.name })}>
              {t("store.collaborators.edit")}
            </Button>
            <Button size="slim" onClick={() => setDialog({ kind: "endDate", collaborator })} accessibilityLabel={t("expiry.editLabel", { organization: collaborator.organization.name })}>
              {t("expiry.edit")}
            </Button>
            {collaborator.state === "SUSPENDED" ? (
              <Button size="slim" onClick={() => setDialog({ kind: "resume", collaborator })} accessibilityLabel={t("store.collaborators.resumeLabel", { organization: collaborator.organization.name })}>
                {t("store.collaborators.resume")}
              </Button>
            ) : (
              <Button size="slim" onClick={() => setDialog({ kind: "suspend", collaborator })} accessibilityLabel={t("store.collaborators.suspendLabel", { organization: collaborator.organization.name })}>
                {t("store.collaborators.suspend")}
              </Button>
            )}
            <Button size="slim" tone="critical" onClick={() => setDialog({ kind: "remove", collaborator })} accessibilityLabel={t("store.collaborators.removeLabel", { organization: collaborator.organization.name })}>
              {t("store.collaborators.remove")}
            </Button>
          </ButtonGroup>
        </IndexTable.Cell>
      )}
    </IndexTable.Row>
  ));

  const headings = [
    { title: t("store.collaborators.organization") },
    { title: t("common.status") },
    { title: t("permission.picker.legend") },
    { title: t("store.collaborators.since") },
    { title: t("store.collaborators.lastUsed") },
    { title: t("expiry.column") },
    ...(canManage ? [{ title: t("common.actions") }] : []),
  ] as [{ title: string }, ...{ title: string }[]];

  const target = dialog?.collaborator;
  const name = target?.organization.name ?? "";
  return (
    <BlockStack gap="400">
      <Text as="p" tone="subdued">
        {t("store.collaborators.intro")}
      </Text>
      <Card padding="0">
        <IndexTable
          resourceName={{ singular: t("store.collaborators.singular"), plural: t("store.collaborators.plural") }}
          itemCount={collaborators.length}
          headings={headings}
          selectable={false}
        >
          {rows}
        </IndexTable>
      </Card>
      {target && (
        <>
          <PermissionsDialog
            key={`permissions-${target.id}`}
            open={dialog?.kind === "permissions"}
            onClose={close}
            title={t("store.collaborators.edit.title", { organization: name })}
            primaryLabel={t("common.save")}
            intent="permissions"
            fields={{ accessId: target.id }}
            initial={target.permissions}
            current={target.permissions}
            granter={permissions}
            intro={t("store.collaborators.edit.intro", { organization: name })}
          />
          <ConfirmDialog
            key={`endDate-${target.id}`}
            open={dialog?.kind === "endDate"}
            onClose={close}
            title={t("expiry.edit.title", { organization: name })}
            confirmLabel={t("common.save")}
            destructive={false}
            intent="endDate"
            fields={{ accessId: target.id }}
          >
            {(error) => (
              <BlockStack gap="300">
                <Text as="p">{t("expiry.edit.intro", { organization: name })}</Text>
                <EndDateField initial={target.endsAt ? dayOf(target.endsAt) : ""} error={error("endsOn")} />
              </BlockStack>
            )}
          </ConfirmDialog>
          {(["suspend", "resume", "remove"] as const).map((change) => (
            <ConfirmDialog
              key={change}
              open={dialog?.kind === change}
              onClose={close}
              title={t(`store.collaborators.${change}.title`, { organization: name })}
              confirmLabel={t(`store.collaborators.${change}`)}
              destructive={change !== "resume"}
              intent={change}
              fields={{ accessId: target.id }}
            >
              <Text as="p">{t(`store.collaborators.${change}.body`, { organization: name })}</Text>
            </ConfirmDialog>
          ))}
        </>
      )}
    </BlockStack>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
