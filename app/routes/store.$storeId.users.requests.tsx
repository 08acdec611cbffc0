import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Box, Button, Card, EmptyState, InlineStack, Text } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { readIntent } from "~/lib/intents.server";
import { respond } from "~/lib/respond.server";
import { requireSection } from "~/services/guards.server";
import { approveRequest, declineRequest, listPendingRequests } from "~/services/collaborator-decisions.server";
import { requestTargetSchema } from "~/domain/staff";
import { approveWithEndDateSchema } from "~/domain/access-expiry";
import { can } from "~/domain/permissions";
import { message } from "~/i18n/messages";
import { ApproveDialog } from "~/components/ApproveDialog";
import { ConfirmDialog } from "~/components/ConfirmDialog";
import { PermissionBadges } from "~/components/PermissionBadges";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatDate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const handle = { usersTab: "requests" };

export const forms = { approve: approveWithEndDateSchema, decline: requestTargetSchema };

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireSection(args, args.params.storeId, "staff", "view");
  const requests = await listPendingRequests(actor.store.id);
  return { requests, canManage: can(actor.permissions, "staff", "manage"), permissions: actor.permissions };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, ip, flash } = await requireSection(args, args.params.storeId, "staff", "manage");
  const input = await readIntent(args.request, forms);
  if ("response" in input) return input.response;
  const back = `/store/${actor.store.id}/users/requests`;
  if (input.intent === "approve") {
    const result = await approveRequest(actor, actor.store.id, input.value.requestId, input.value.permissions, ip, { endsOn: input.value.endsOn });
    return respond(result, { submission: input.submission, flash, done: ({ organizationName }) => ({ redirect: back, toast: message("store.toast.approved", { name: organizationName }) }) });
  }
  const result = await declineRequest(actor, actor.store.id, input.value.requestId, ip);
  return respond(result, { submission: input.submission, flash, done: ({ organizationName }) => ({ redirect: back, toast: message("store.toast.declined", { name: organizationName }) }) });
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
          <ConfirmDialog
            open={dialog === "decline"}
            onClose={close}
            title={t("store.requests.decline.title", { organization: request.organization.name })}
            confirmLabel={t("store.requests.decline")}
            intent="decline"
            fields={{ requestId: request.id }}
          >
            <Text as="p">{t("store.requests.decline.body", { organization: request.organization.name })}</Text>
          </ConfirmDialog>
        </>
      )}
    </Card>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
