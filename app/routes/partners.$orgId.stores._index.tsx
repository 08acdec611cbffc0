import { readForm } from "~/lib/http.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import {
  ActionList,
  Badge,
  Banner,
  BlockStack,
  Button,
  ButtonGroup,
  Card,
  EmptyState,
  Filters,
  IndexTable,
  Layout,
  Modal,
  Page,
  Popover,
  Tabs,
  Text,
  Toast,
  type BadgeProps,
} from "@shopify/polaris";
import { useEffect, useMemo, useRef, useState } from "react";
import { requireMember, requestMeta } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { cancelRequest } from "~/services/access-requests.server";
import { logInToStore } from "~/services/collaborator-login.server";
import { dismissDeclined, removeAccess, removeFromList } from "~/services/partner-access.server";
import { hasListedStores, listPartnerStores } from "~/services/partner-stores.server";
import { parseStoreFilter, STORE_FILTERS, type StoreFilter } from "~/domain/access-request";
import { PARTNER_ACTIONS, pendingCounterOf, type AccessState } from "~/domain/request-lifecycle";
import { SECTIONS, toMap } from "~/domain/permissions";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useLocale, useT } from "~/i18n/react";
import { formatDate, type Translate } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "Stores · Portier" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireMember(request, params.orgId);
  const url = new URL(request.url);
  const filter = parseStoreFilter(url.searchParams.get("state"));
  const query = (url.searchParams.get("q") ?? "").slice(0, 200);
  const page = await listPartnerStores(organization.id, { filter, query, after: url.searchParams.get("after"), before: url.searchParams.get("before") });
  // The membership check read the organization's row, pending counter included.
  const counter = pendingCounterOf(organization.pendingRequestCount);
  // Only an empty page needs to know whether the whole list is empty (first-time empty state vs "no match").
  const anyStore = page.rows.length > 0 || (await hasListedStores(organization.id));
  return { organization: { id: organization.id, name: organization.name }, filter, query, page, counter, anyStore };
}

type ActionResult =
  | { toast: string; error?: undefined; outcome?: undefined }
  | { error: string; toast?: undefined; outcome?: undefined }
  | { outcome: string; toast?: undefined; error?: undefined };

const ERROR_STATUS = { notFound: 404, wrongState: 409, notManaged: 409, suspended: 409 } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, organization } = await requireMember(request, params.orgId);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const id = String(form.get("id") ?? "");
  const ip = requestMeta(request).ip;
  const user = session.user;

  switch (intent) {
    case "cancel": {
      const result = await cancelRequest(user, organization.id, id, ip);
      if (result.ok) return data<ActionResult>({ toast: "partner.stores.toast.cancelled" });
      if (result.reason === "alreadyDecided") return data<ActionResult>({ outcome: `partner.stores.outcome.${result.status}` }, { status: 409 });
      return data<ActionResult>({ error: "partner.stores.errors.notFound" }, { status: 404 });
    }
    case "login": {
      const result = await logInToStore(session, organization.id, id, ip);
      if (result.ok) return redirect(`/store/${result.storeId}`);
      return data<ActionResult>({ error: `partner.stores.errors.${result.reason}` }, { status: ERROR_STATUS[result.reason] });
    }
    case "removeAccess":
    case "removeFromList":
    case "dismiss": {
      const run = intent === "removeAccess" ? removeAccess : intent === "removeFromList" ? removeFromList : dismissDeclined;
      const result = await run(user, organization.id, id, ip);
      const toast = intent === "removeAccess" ? "removed" : intent === "removeFromList" ? "removedFromList" : "dismissed";
      if (result.ok) return data<ActionResult>({ toast: `partner.stores.toast.${toast}` });
      return data<ActionResult>({ error: `partner.stores.errors.${result.reason}` }, { status: ERROR_STATUS[result.reason] });
    }
    default:
      notFound();
  }
}

const BADGE_TONE: Record<AccessState, BadgeProps["tone"]> = {
  PENDING: "attention",
  MANAGED: "success",
  SUSPENDED: "warning",
  REMOVED: undefined,
  DECLINED: "critical",
  CANCELLED: undefined,
};

function permissionSummary(t: Translate, permissions: readonly string[]): string {
  const map = toMap(permissions);
  const parts = SECTIONS.filter((s) => map[s]).map((s) => t("permission.summary", { section: t(`permission.section.${s}`), level: t(`permission.level.${map[s]}`) }));
  return parts.length ? parts.join(", ") : t("partner.stores.noPermissions");
}

type Confirm = { intent: "cancel" | "removeAccess"; id: string; store: string } | null;

export default function PartnerStores() {
  const t = useT();
  const locale = useLocale();
  const { organization, filter, query, page, counter, anyStore } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const submit = useSubmit();
  const [searchParams, setSearchParams] = useSearchParams();
  const base = `/partners/${organization.id}/stores`;
  const requestUrl = `${base}/request`;

  // Toasts: after a row action (action data), or after the request form (?toast=requested).
  const [toast, setToast] = useState<string | null>(searchParams.get("toast") === "requested" ? "partner.stores.toast.requested" : null);
  const [notice, setNotice] = useState<{ tone: "critical" | "info"; text: string } | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  // The toast flag has done its job once shown: a reload or a shared link should not show it again.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("toast")) return;
    url.searchParams.delete("toast");
    window.history.replaceState(window.history.state, "", url.pathname + url.search);
  }, []);
  useEffect(() => {
    if (!actionData) return;
    setConfirm(null);
    if (actionData.toast) {
      setToast(actionData.toast);
      setNotice(null);
    } else if (actionData.outcome) setNotice({ tone: "info", text: actionData.outcome });
    else if (actionData.error) setNotice({ tone: "critical", text: actionData.error });
  }, [actionData]);

  const busyIntent = navigation.state !== "idle" ? String(navigation.formData?.get("intent") ?? "") : "";
  const busyId = navigation.state !== "idle" ? String(navigation.formData?.get("id") ?? "") : "";

  // Search as you type, a moment after the last key.
  const [queryValue, setQueryValue] = useState(query);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const timer = setTimeout(() => {
      if (queryValue.trim() === query) return;
      const next = new URLSearchParams();
      if (filter !== "all") next.set("state", filter);
      if (queryValue.trim()) next.set("q", queryValue.trim());
      setSearchParams(next, { replace: true, preventScrollReset: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [queryValue, query, filter, setSearchParams]);

  const tabs = useMemo(() => STORE_FILTERS.map((f) => ({ id: `stores-tab-${f}`, content: t(`partner.stores.tab.${f}`), panelID: "stores-panel" })), [t]);
  const selectTab = (index: number) => {
    const next = new URLSearchParams();
    const chosen: StoreFilter = STORE_FILTERS[index];
    if (chosen !== "all") next.set("state", chosen);
    if (query) next.set("q", query);
    setSearchParams(next, { preventScrollReset: true });
  };

  const pageUrl = (cursor: { after?: string; before?: string }) => {
    const next = new URLSearchParams();
    if (filter !== "all") next.set("state", filter);
    if (query) next.set("q", query);
    if (cursor.after) next.set("after", cursor.after);
    if (cursor.before) next.set("before", cursor.before);
    return `${base}?${next.toString()}`;
  };

  const [addOpen, setAddOpen] = useState(false);
  const addStore = (
    <Popover
      active={addOpen}
      onClose={() => setAddOpen(false)}
      activator={
        <Button variant="primary" disclosure onClick={() => setAddOpen((open) => !open)}>
          {t("partner.stores.addStore")}
        </Button>
      }
    >
      <ActionList
        actionRole="menuitem"
        items={[
          {
            content: t("partner.stores.requestAccess"),
            url: counter.full ? undefined : requestUrl,
            disabled: counter.full,
            helpText: counter.full ? t("partner.stores.capReached", { limit: counter.limit }) : undefined,
          },
        ]}
      />
    </Popover>
  );

  const rowActions = (row: (typeof page.rows)[number]) => {
    const label = (action: string) => t(`partner.stores.actionLabel.${action}`, { store: row.storeName });
    const post = (intent: string, content: string, options: { primary?: boolean } = {}) => (
      <Form method="post" key={intent}>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="id" value={row.accessId} />
        <Button
          submit
          size="slim"
          variant={options.primary ? "primary" : "secondary"}
          accessibilityLabel={label(intent)}
          loading={busyIntent === intent && busyId === row.accessId}
        >
          {content}
        </Button>
      </Form>
    );
    return PARTNER_ACTIONS[row.state].map((action) => {
      switch (action) {
        case "cancel":
          return (
            <Button key={action} size="slim" accessibilityLabel={label("cancel")} onClick={() => setConfirm({ intent: "cancel", id: row.requestId ?? "", store: row.storeName })}>
              {t("partner.stores.action.cancel")}
            </Button>
          );
        case "removeAccess":
          return (
            <Button
              key={action}
              size="slim"
              tone="critical"
              accessibilityLabel={label("removeAccess")}
              onClick={() => setConfirm({ intent: "removeAccess", id: row.accessId, store: row.storeName })}
            >
              {t("partner.stores.action.removeAccess")}
            </Button>
          );
        case "login":
          return post("login", t("partner.stores.action.login"), { primary: true });
        case "removeFromList":
          return post("removeFromList", t("partner.stores.action.removeFromList"));
        case "dismiss":
          return post("dismiss", t("partner.stores.action.dismiss"));
      }
    });
  };

  const confirming = confirm && busyIntent === confirm.intent && busyId === confirm.id;

  return (
    <Page title={t("partner.stores.title")} subtitle={t("partner.stores.counter", { count: counter.pending, limit: counter.limit })} primaryAction={addStore}>
      <Layout>
        {counter.full && (
          <Layout.Section>
            <Banner tone="warning">{t("partner.stores.capReached", { limit: counter.limit })}</Banner>
          </Layout.Section>
        )}
        {notice && (
          <Layout.Section>
            <Banner tone={notice.tone} onDismiss={() => setNotice(null)}>
              {t(notice.text)}
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          {!anyStore ? (
            <Card>
              <EmptyState heading={t("partner.stores.empty.title")} action={counter.full ? undefined : { content: t("partner.stores.requestAccess"), url: requestUrl }} image="/empty-state.svg">
                <p>{t("partner.stores.empty.body")}</p>
              </EmptyState>
            </Card>
          ) : (
            <Card padding="0">
              <Tabs tabs={tabs} selected={STORE_FILTERS.indexOf(filter)} onSelect={selectTab} />
              <div style={{ padding: "var(--p-space-200) var(--p-space-300)" }}>
                <Filters
                  queryValue={queryValue}
                  queryPlaceholder={t("partner.stores.searchPlaceholder")}
                  filters={[]}
                  hideFilters
                  onQueryChange={setQueryValue}
                  onQueryClear={() => setQueryValue("")}
                  onClearAll={() => setQueryValue("")}
                  loading={navigation.state === "loading" && navigation.location?.pathname === base}
                />
              </div>
              <div id="stores-panel" role="tabpanel" aria-labelledby={`stores-tab-${filter}`}>
                <IndexTable
                  selectable={false}
                  resourceName={{ singular: t("partner.stores.resource.singular"), plural: t("partner.stores.resource.plural") }}
                  itemCount={page.rows.length}
                  headings={[
                    { title: t("partner.stores.column.store") },
                    { title: t("partner.stores.column.status") },
                    { title: t("partner.stores.column.date") },
                    { title: t("partner.stores.column.permissions") },
                    { title: t("partner.stores.column.actions"), alignment: "end" },
                  ]}
                  emptyState={
                    <EmptyState heading={t("partner.stores.noMatch.title")} image="/empty-state.svg">
                      <p>{t("partner.stores.noMatch.body")}</p>
                    </EmptyState>
                  }
                  pagination={
                    page.previousCursor || page.nextCursor
                      ? {
                          hasPrevious: Boolean(page.previousCursor),
                          hasNext: Boolean(page.nextCursor),
                          previousURL: page.previousCursor ? pageUrl({ before: page.previousCursor }) : undefined,
                          nextURL: page.nextCursor ? pageUrl({ after: page.nextCursor }) : undefined,
                          accessibilityLabel: t("partner.stores.pagination"),
                          accessibilityLabels: { previous: t("common.previous"), next: t("common.next") },
                        }
                      : undefined
                  }
                >
                  {page.rows.map((row, index) => (
                    <IndexTable.Row id={row.accessId} key={row.accessId} position={index}>
                      <IndexTable.Cell>
                        <BlockStack gap="050">
                          <Text as="span" variant="bodyMd" fontWeight="semibold">
                            {row.storeName}
                          </Text>
                          <Text as="span" tone="subdued">
                            {row.storeDomain}
                          </Text>
                        </BlockStack>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Badge tone={BADGE_TONE[row.state]}>{t(`partner.state.${row.state}`)}</Badge>
                      </IndexTable.Cell>
                      <IndexTable.Cell>{formatDate(locale, row.updatedAt)}</IndexTable.Cell>
                      <IndexTable.Cell>
                        <div style={{ whiteSpace: "normal", maxWidth: "22rem" }}>
                          <Text as="span" tone={row.state === "REMOVED" ? "subdued" : undefined}>
                            {permissionSummary(t, row.permissions)}
                          </Text>
                        </div>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <div style={{ display: "flex", justifyContent: "flex-end" }}>
                          <ButtonGroup>{rowActions(row)}</ButtonGroup>
                        </div>
                      </IndexTable.Cell>
                    </IndexTable.Row>
                  ))}
                </IndexTable>
              </div>
            </Card>
          )}
        </Layout.Section>
      </Layout>

      <Modal
        open={confirm?.intent === "cancel"}
        onClose={() => setConfirm(null)}
        title={t("partner.stores.cancelModal.title", { store: confirm?.store ?? "" })}
        primaryAction={{
          content: t("partner.stores.cancelModal.confirm"),
          destructive: true,
          loading: Boolean(confirming),
          onAction: () => confirm && submit({ intent: "cancel", id: confirm.id }, { method: "post" }),
        }}
        secondaryActions={[{ content: t("partner.stores.cancelModal.keep"), onAction: () => setConfirm(null) }]}
      >
        <Modal.Section>
          <Text as="p">{t("partner.stores.cancelModal.body")}</Text>
        </Modal.Section>
      </Modal>
      <Modal
        open={confirm?.intent === "removeAccess"}
        onClose={() => setConfirm(null)}
        title={t("partner.stores.removeModal.title", { store: confirm?.store ?? "" })}
        primaryAction={{
          content: t("partner.stores.removeModal.confirm"),
          destructive: true,
          loading: Boolean(confirming),
          onAction: () => confirm && submit({ intent: "removeAccess", id: confirm.id }, { method: "post" }),
        }}
        secondaryActions={[{ content: t("partner.stores.removeModal.keep"), onAction: () => setConfirm(null) }]}
      >
        <Modal.Section>
          <Text as="p">{t("partner.stores.removeModal.body", { store: confirm?.store ?? "" })}</Text>
        </Modal.Section>
      </Modal>

      {toast && <Toast content={t(toast)} onDismiss={() => setToast(null)} />}
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
