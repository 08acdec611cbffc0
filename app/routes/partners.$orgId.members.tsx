import { readForm } from "~/lib/http.server";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, FormLayout, IndexTable, InlineStack, Layout, Modal, Page, Text, Toast } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { requireMember, requestMeta } from "~/lib/auth.server";
import { forbidden, notFound } from "~/lib/http.server";
import { parseForm } from "~/domain/forms";
import { inviteMemberSchema } from "~/domain/workspace";
import { cancelInvitation, inviteMember, listMembers, removeMember } from "~/services/organizations.server";
import { FormTextField, SubmitButton, useFieldErrors } from "~/components/forms";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useLocale, useT } from "~/i18n/react";
import { formatDate } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "Members · Portier" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, organization, membership } = await requireMember(request, params.orgId);
  const { members, invitations } = await listMembers(organization.id);
  return {
    organization: { id: organization.id, name: organization.name },
    isOwner: membership.role === "OWNER",
    me: session.user.id,
    members,
    invitations,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, organization, membership } = await requireMember(request, params.orgId);
  // Only owners of the organization add or remove people; everyone else may only look.
  if (membership.role !== "OWNER") forbidden();
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const ip = requestMeta(request).ip;

  if (intent === "invite") {
    const parsed = parseForm(inviteMemberSchema, form);
    if (!parsed.ok) return data({ errors: parsed.errors, values: { email: String(form.get("email") ?? "") } }, { status: 400 });
    const result = await inviteMember(session.user, organization.id, parsed.data.email, ip);
    if (!result.ok) return data({ errors: result.errors, values: { email: parsed.data.email } }, { status: 409 });
    return data({ toast: result.added ? "members.toast.added" : "members.toast.invited", reset: Date.now() });
  }
  if (intent === "remove") {
    const result = await removeMember(session.user, organization.id, String(form.get("id") ?? ""), ip);
    if (!result.ok) return data({ errors: { form: result.error } }, { status: result.error === "members.errors.notFound" ? 404 : 409 });
    return data({ toast: "members.toast.removed" });
  }
  if (intent === "cancelInvitation") {
    const done = await cancelInvitation(session.user, organization.id, String(form.get("id") ?? ""), ip);
    if (!done) return data({ errors: { form: "members.errors.notFound" } }, { status: 404 });
    return data({ toast: "members.toast.invitationCancelled" });
  }
  notFound();
}

type ActionData = { toast?: string; reset?: number; errors?: Record<string, string> };

export default function Members() {
  const t = useT();
  const locale = useLocale();
  const { organization, isOwner, me, members, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { error } = useFieldErrors();
  const navigation = useNavigation();
  const submit = useSubmit();
  const [toast, setToast] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ id: string; name: string } | null>(null);
  useEffect(() => {
    if (actionData?.toast) setToast(actionData.toast);
    if (actionData) setConfirm(null);
  }, [actionData]);
  const busy = (intent: string, id: string) => navigation.state !== "idle" && navigation.formData?.get("intent") === intent && navigation.formData?.get("id") === id;

  return (
    <Page title={t("members.title")} subtitle={t("members.subtitle", { organization: organization.name })}>
      <Layout>
        {error("form") && (
          <Layout.Section>
            <Banner tone="critical">{error("form")}</Banner>
          </Layout.Section>
        )}
        {!isOwner && (
          <Layout.Section>
            <Banner tone="info">{t("members.ownersOnly")}</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card padding="0">
            <IndexTable
              selectable={false}
              resourceName={{ singular: t("members.resource.singular"), plural: t("members.resource.plural") }}
              itemCount={members.length}
              headings={[
                { title: t("members.column.name") },
                { title: t("members.column.email") },
                { title: t("members.column.role") },
                { title: t("members.column.since") },
                { title: t("common.actions"), alignment: "end" },
              ]}
            >
              {members.map((member, index) => {
                const name = `${member.user.firstName} ${member.user.lastName}`;
                return (
                  <IndexTable.Row id={member.id} key={member.id} position={index}>
                    <IndexTable.Cell>
                      <InlineStack gap="200" blockAlign="center">
                        <Text as="span" fontWeight="semibold">
                          {name}
                        </Text>
                        {member.user.id === me && <Badge>{t("members.you")}</Badge>}
                      </InlineStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{member.user.email}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Badge tone={member.role === "OWNER" ? "info" : undefined}>{t(`members.role.${member.role}`)}</Badge>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{formatDate(locale, member.createdAt)}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <div style={{ display: "flex", justifyContent: "flex-end" }}>
                        {isOwner && member.user.id !== me && (
                          <Button size="slim" tone="critical" accessibilityLabel={t("members.removeLabel", { name })} onClick={() => setConfirm({ id: member.id, name })}>
                            {t("members.remove")}
                          </Button>
                        )}
                      </div>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                );
              })}
            </IndexTable>
          </Card>
        </Layout.Section>

        {invitations.length > 0 && (
          <Layout.Section>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("members.invitations.title")}
                </Text>
                {invitations.map((invitation) => (
                  <InlineStack key={invitation.id} align="space-between" blockAlign="center">
                    <BlockStack gap="050">
                      <Text as="span" fontWeight="semibold">
                        {invitation.email}
                      </Text>
                      <Text as="span" tone="subdued">
                        {t("members.invitations.sent", { date: formatDate(locale, invitation.createdAt) })}
                      </Text>
                    </BlockStack>
                    {isOwner && (
                      <Form method="post">
                        <input type="hidden" name="intent" value="cancelInvitation" />
                        <input type="hidden" name="id" value={invitation.id} />
                        <Button submit size="slim" loading={busy("cancelInvitation", invitation.id)} accessibilityLabel={t("members.invitations.cancelLabel", { email: invitation.email })}>
                          {t("members.invitations.cancel")}
                        </Button>
                      </Form>
                    )}
                  </InlineStack>
                ))}
              </BlockStack>
            </Card>
          </Layout.Section>
        )}

        {isOwner && (
          <Layout.Section>
            <Card>
              <Form method="post" noValidate key={actionData?.reset ?? "invite"}>
                <input type="hidden" name="intent" value="invite" />
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    {t("members.invite.title")}
                  </Text>
                  <FormTextField label={t("members.invite.email")} name="email" type="email" autoComplete="email" helpText={t("members.invite.help")} error={error("email")} />
                  <SubmitButton intent="invite">{t("members.invite.submit")}</SubmitButton>
                </FormLayout>
              </Form>
            </Card>
          </Layout.Section>
        )}
      </Layout>

      <Modal
        open={Boolean(confirm)}
        onClose={() => setConfirm(null)}
        title={t("members.removeModal.title", { name: confirm?.name ?? "", organization: organization.name })}
        primaryAction={{
          content: t("members.removeModal.confirm"),
          destructive: true,
          loading: Boolean(confirm && busy("remove", confirm.id)),
          onAction: () => confirm && submit({ intent: "remove", id: confirm.id }, { method: "post" }),
        }}
        secondaryActions={[{ content: t("common.cancel"), onAction: () => setConfirm(null) }]}
      >
        <Modal.Section>
          <Text as="p">{t("members.removeModal.body")}</Text>
        </Modal.Section>
      </Modal>
      {toast && <Toast content={t(toast)} onDismiss={() => setToast(null)} />}
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
