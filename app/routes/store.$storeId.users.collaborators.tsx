import { readForm } from "~/lib/http.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Button, ButtonGroup, Card, EmptyState, IndexTable, Text } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { requireSection, requestMeta } from "~/lib/auth.server";
import { invalid, respond } from "~/lib/service-response.server";
import { parseForm } from "~/domain/forms";
import { accessTargetSchema, collaboratorPermissionsSchema } from "~/domain/staff";
import { can } from "~/domain/permissions";
import {
  changeCollaboratorPermissions,
  listCollaborators,
  removeCollaborator,
  resumeCollaborator,
  suspendCollaborator,
} from "~/services/collaborator-decisions.server";
import { PermissionsDialog } from "~/components/ApproveDialog";
import { ActionModal } from "~/components/ActionModal";
import { PermissionBadges } from "~/components/PermissionBadges";
import { toastUrl } from "~/components/PageToast";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatDate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const handle = { usersTab: "collaborators" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSection(request, params.storeId, "staff", "view");
  const collaborators = await listCollaborators(actor.store.id);
  return { collaborators, canManage: can(actor.permissions, "staff", "manage"), permissions: actor.permissions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSection(request, params.storeId, "staff", "manage");
  const form = await readForm(request);
  const ip = requestMeta(request).ip;
  const back = `/store/${actor.store.id}/users/collaborators`;
  const intent = String(form.get("intent") ?? "");
  if (intent === "permissions") {
    const parsed = parseForm(collaboratorPermissionsSchema, form);
    if (!parsed.ok) return invalid(parsed.errors);
    const result = await changeCollaboratorPermissions(actor, actor.store.id, parsed.data.accessId, parsed.data.permissions, ip);
    return respond(result, toastUrl(back, "permissionsSaved", result.ok ? result.organizationName : undefined));
  }
  const operations = { remove: removeCollaborator, suspend: suspendCollaborator, resume: resumeCollaborator } as const;
  // Own keys only: "__proto__" or "toString" are not operations.
  if (Object.hasOwn(operations, intent)) {
    const parsed = parseForm(accessTargetSchema, form);
    if (!parsed.ok) return invalid(parsed.errors);
    const result = await operations[intent as keyof typeof operations](actor, actor.store.id, parsed.data.accessId, ip);
    const toast = intent === "remove" ? "collaboratorRemoved" : intent === "suspend" ? "collaboratorSuspended" : "collaboratorResumed";
    return respond(result, toastUrl(back, toast, result.ok ? result.organizationName : undefined));
  }
  return invalid({ form: "errors.stale" });
}

type Collaborator = Awaited<ReturnType<typeof loader>>["collaborators"][number];
type Dialog = { kind: "permissions" | "remove" | "suspend" | "resume"; collaborator: Collaborator } | null;

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
      {canManage && (
        <IndexTable.Cell>
          <ButtonGroup>
            <Button size="slim" onClick={() => setDialog({ kind: "permissions", collaborator })} accessibilityLabel={t("store.collaborators.editLabel", { organization: collaborator.organization.name })}>
              {t("store.collaborators.edit")}
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
          <ActionModal
            open={dialog?.kind === "remove"}
            onClose={close}
            title={t("store.collaborators.remove.title", { organization: name })}
            primaryLabel={t("store.collaborators.remove")}
            destructive
            intent="remove"
            fields={{ accessId: target.id }}
          >
            <Text as="p">{t("store.collaborators.remove.body", { organization: name })}</Text>
          </ActionModal>
          <ActionModal
            open={dialog?.kind === "suspend"}
            onClose={close}
            title={t("store.collaborators.suspend.title", { organization: name })}
            primaryLabel={t("store.collaborators.suspend")}
            destructive
            intent="suspend"
            fields={{ accessId: target.id }}
          >
            <Text as="p">{t("store.collaborators.suspend.body", { organization: name })}</Text>
          </ActionModal>
          <ActionModal
            open={dialog?.kind === "resume"}
            onClose={close}
            title={t("store.collaborators.resume.title", { organization: name })}
            primaryLabel={t("store.collaborators.resume")}
            intent="resume"
            fields={{ accessId: target.id }}
          >
            <Text as="p">{t("store.collaborators.resume.body", { organization: name })}</Text>
          </ActionModal>
        </>
      )}
    </BlockStack>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
