import { readForm } from "~/lib/http.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Box, Button, Card, EmptyState, InlineStack, Text } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { requireSection, requestMeta } from "~/lib/auth.server";
import { respond, invalid } from "~/lib/service-response.server";
import { parseForm } from "~/domain/forms";
import { approveRequestSchema, requestTargetSchema } from "~/domain/staff";
import { can } from "~/domain/permissions";
import { approveRequest, declineRequest, listPendingRequests } from "~/services/collaborator-decisions.server";
import { ApproveDialog } from "~/components/ApproveDialog";
import { ActionModal } from "~/components/ActionModal";
import { PermissionBadges } from "~/components/PermissionBadges";
import { toastUrl } from "~/components/PageToast";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatDate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const handle = { usersTab: "requests" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSection(request, params.storeId, "staff", "view");
  const requests = await listPendingRequests(actor.store.id);
  return { requests, canManage: can(actor.permissions, "staff", "manage"), permissions: actor.permissions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSection(request, params.storeId, "staff", "manage");
  const form = await readForm(request);
  const ip = requestMeta(request).ip;
  const back = `/store/${actor.store.id}/users/requests`;
  const intent = form.get("intent");
  if (intent === "approve") {
    const parsed = parseForm(approveRequestSchema, form);
    if (!parsed.ok) return invalid(parsed.errors);
    const result = await approveRequest(actor, actor.store.id, parsed.data.requestId, parsed.data.permissions, ip);
    return respond(result, toastUrl(back, "approved", result.ok ? result.organizationName : undefined));
  }
  if (intent === "decline") {
    const parsed = parseForm(requestTargetSchema, form);
    if (!parsed.ok) return invalid(parsed.errors);
    const result = await declineRequest(actor, actor.store.id, parsed.data.requestId, ip);
    return respond(result, toastUrl(back, "declined", result.ok ? result.organizationName : undefined));
  }
  return invalid({ form: "errors.stale" });
}

type PendingRequest = Awaited<ReturnType<typeof loader>>["requests"][number];

export default function CollaboratorRequests() {
  const t = useT();
  const { requests, canManage, permissions } = useLoaderData<typeof loader>();
  if (requests.length === 0) {
    return (
      <Card>
        <EmptyState heading={t("store.requests.empty.title")} image="/empty-state.svg">
          <p>{t("store.requests.empty.body")}</p>
        </EmptyState>
      </Card>
    );
  }
  return (
    <BlockStack gap="400">
      <Text as="p" tone="subdued">
        {t("store.requests.intro", { count: requests.length })}
      </Text>
      {requests.map((request) => (
        <RequestCard key={request.id} request={request} canManage={canManage} granter={permissions} />
      ))}
    </BlockStack>
  );
}

function RequestCard({ request, canManage, granter }: { request: PendingRequest; canManage: boolean; granter: string[] }) {
  const t = useT();
  const locale = useLocale();
  const [dialog, setDialog] = useState<"approve" | "decline" | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const requester = `${request.requestedBy.firstName} ${request.requestedBy.lastName}`;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="start" gap="400">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              {request.organization.name}
            </Text>
            <Text as="p" tone="subdued">
              {t("store.requests.by", { name: requester, email: request.requestedBy.email, date: formatDate(locale, request.createdAt, true) })}
            </Text>
          </BlockStack>
          {canManage && (
            <InlineStack gap="200">
              <Button onClick={() => setDialog("decline")} accessibilityLabel={t("store.requests.declineLabel", { organization: request.organization.name })}>
                {t("store.requests.decline")}
              </Button>
              <Button variant="primary" onClick={() => setDialog("approve")} accessibilityLabel={t("store.requests.approveLabel", { organization: request.organization.name })}>
                {t("store.requests.approve")}
              </Button>
            </InlineStack>
          )}
        </InlineStack>
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            {t("store.requests.permissions")}
          </Text>
          <PermissionBadges permissions={request.permissions} />
        </BlockStack>
        {request.message && (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {t("store.requests.message")}
            </Text>
            <Box background="bg-surface-secondary" padding="300" borderRadius="200">
              <Text as="p">
                <span style={{ whiteSpace: "pre-wrap" }}>{request.message}</span>
              </Text>
            </Box>
          </BlockStack>
        )}
      </BlockStack>
      {canManage && (
        <>
          <ApproveDialog
            open={dialog === "approve"}
            onClose={close}
            request={{ id: request.id, organizationName: request.organization.name, permissions: request.permissions }}
            granter={granter}
          />
          <ActionModal
            open={dialog === "decline"}
            onClose={close}
            title={t("store.requests.decline.title", { organization: request.organization.name })}
            primaryLabel={t("store.requests.decline")}
            destructive
            intent="decline"
            fields={{ requestId: request.id }}
          >
            <Text as="p">{t("store.requests.decline.body", { organization: request.organization.name })}</Text>
          </ActionModal>
        </>
      )}
    </Card>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
