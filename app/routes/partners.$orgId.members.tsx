import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, FormLayout, IndexTable, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { z } from "zod";
import { forbidden } from "~/lib/http.server";
import { readIntent } from "~/lib/intents.server";
import { respond } from "~/lib/respond.server";
import { requireMember } from "~/services/guards.server";
import { cancelInvitation, inviteMember, listMembers, removeMember } from "~/services/organizations.server";
import { inviteMemberSchema } from "~/domain/workspace";
import { message } from "~/i18n/messages";
import { ConfirmDialog } from "~/components/ConfirmDialog";
import { FormTextField, SubmitButton, getFormProps, useAppForm } from "~/components/forms";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useLocale, useT } from "~/i18n/react";
import { formatDate } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "Members · Portier" }];

/** A member or an invitation of the page, by id: a wrong one means the page is out of date. */
const target = z.object({ id: z.string({ required_error: "errors.stale" }).uuid("errors.stale") });

export const forms = { invite: inviteMemberSchema, remove: target, cancelInvitation: target };

export async function loader(args: LoaderFunctionArgs) {
  const { session, organization, membership } = await requireMember(args, args.params.orgId);
  const { members, invitations } = await listMembers(organization.id);
  return {
    organization: { id: organization.id, name: organization.name },
    isOwner: membership.role === "OWNER",
    me: session.user.id,
    members,
    invitations,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { session, organization, membership, ip, flash } = await requireMember(args, args.params.orgId);
  // Only owners of the organization add or remove people; everyone else may only look.
  if (membership.role !== "OWNER") forbidden();
  const input = await readIntent(args.request, forms);
  if ("response" in input) return input.response;
  const back = `/partners/${organization.id}/members`;
  const answer = { submission: input.submission, flash };
  switch (input.intent) {
    case "invite": {
      const result = await inviteMember(session.user, organization.id, input.value.email, ip);
      return respond(result, { ...answer, done: ({ added }) => ({ redirect: back, toast: message(added ? "members.toast.added" : "members.toast.invited") }) });
    }
    case "remove": {
      const result = await removeMember(session.user, organization.id, input.value.id, ip);
      return respond(result, { ...answer, done: () => ({ redirect: back, toast: message("members.toast.removed") }) });
    }
    case "cancelInvitation": {
      const result = await cancelInvitation(session.user, organization.id, input.value.id, ip);
      return respond(result, { ...answer, done: () => ({ redirect: back, toast: message("members.toast.invitationCancelled") }) });
    }
  }
}

type Loaded = Awaited<ReturnType<typeof loader>>;

export default function Members() {
  const t = useT();
  const { organization, isOwner, invitations } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <Page title={t("members.title")} subtitle={t("members.subtitle", { organization: organization.name })}>
      <Layout>
        {!isOwner && (
          <Layout.Section>
            <Banner tone="info">{t("members.ownersOnly")}</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <MembersTable />
        </Layout.Section>
        {invitations.length > 0 && (
          <Layout.Section>
            <Invitations />
          </Layout.Section>
        )}
        {isOwner && (
          <Layout.Section>
            {/* A new page after each change (the action redirects): the form starts empty again. */}
            <InviteForm key={location.key} />
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}

function MembersTable() {
  const t = useT();
  const locale = useLocale();
  const { organization, isOwner, me, members } = useLoaderData<typeof loader>();
  return (
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
                  {isOwner && member.user.id !== me && <RemoveMember member={{ id: member.id, name }} organization={organization.name} />}
                </div>
              </IndexTable.Cell>
            </IndexTable.Row>
          );
        })}
      </IndexTable>
    </Card>
  );
}

/** "Remove", then "Remove member" in the confirmation; a refusal (the last owner) stays in the dialog. */
function RemoveMember({ member, organization }: { member: { id: string; name: string }; organization: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <Button size="slim" tone="critical" accessibilityLabel={t("members.removeLabel", { name: member.name })} onClick={() => setOpen(true)}>
        {t("members.remove")}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={close}
        title={t("members.removeModal.title", { name: member.name, organization })}
        confirmLabel={t("members.removeModal.confirm")}
        intent="remove"
        fields={{ id: member.id }}
      >
        <Text as="p">{t("members.removeModal.body")}</Text>
      </ConfirmDialog>
    </>
  );
}

type Invitation = Loaded["invitations"][number];

function Invitations() {
  const t = useT();
  const { isOwner, invitations } = useLoaderData<typeof loader>();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("members.invitations.title")}
        </Text>
        {invitations.map((invitation) => (
          <InvitationRow key={invitation.id} invitation={invitation} canCancel={isOwner} />
        ))}
      </BlockStack>
    </Card>
  );
}

function InvitationRow({ invitation, canCancel }: { invitation: Invitation; canCancel: boolean }) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "cancelInvitation" && navigation.formData?.get("id") === invitation.id;
  return (
    <InlineStack align="space-between" blockAlign="center">
      <BlockStack gap="050">
        <Text as="span" fontWeight="semibold">
          {invitation.email}
        </Text>
        <Text as="span" tone="subdued">
          {t("members.invitations.sent", { date: formatDate(locale, invitation.createdAt) })}
        </Text>
      </BlockStack>
      {canCancel && (
        <Form method="post">
          <input type="hidden" name="intent" value="cancelInvitation" />
          <input type="hidden" name="id" value={invitation.id} />
          <Button submit size="slim" loading={busy} accessibilityLabel={t("members.invitations.cancelLabel", { email: invitation.email })}>
            {t("members.invitations.cancel")}
          </Button>
        </Form>
      )}
    </InlineStack>
  );
}

function InviteForm() {
  const t = useT();
  const [form, fields] = useAppForm(forms.invite, { intent: "invite" });
  return (
    <Card>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite" />
        <FormLayout>
          <Text as="h2" variant="headingMd">
            {t("members.invite.title")}
          </Text>
          <FormTextField label={t("members.invite.email")} field={fields.email} type="email" autoComplete="email" helpText={t("members.invite.help")} />
          <SubmitButton intent="invite">{t("members.invite.submit")}</SubmitButton>
        </FormLayout>
      </Form>
    </Card>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
