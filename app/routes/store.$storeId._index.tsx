// Home: notifications (new requests, cancellations, removals) with unread state, and the store's activity
// log (newest first, filter by kind and person, export as CSV), for people with `home` access; a welcome
// that points to the navigation for everyone else.
import { readForm } from "~/lib/http.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Page,
  Pagination,
  Select,
  Text,
} from "@shopify/polaris";
import { requireSection, requireStoreActor } from "~/lib/auth.server";
import { invalid, respond } from "~/lib/service-response.server";
import { can } from "~/domain/permissions";
import { ACTIVITY_KINDS, activityFilters } from "~/domain/activity-log";
import { activityPersonLabel, listActivity, listNotifications, markNotificationsRead } from "~/services/store-home.server";
import { reviewsRequests } from "~/services/store-frame.server";
import { PageToast, toastUrl } from "~/components/PageToast";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useStoreFrame } from "~/components/useStoreFrame";
import { PersonFilter } from "~/components/PersonFilter";
import { catalogues, formatDate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Home · Portier" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireStoreActor(request, params.storeId);
  const store = actor.store;
  if (!can(actor.permissions, "home", "view")) return { store, home: null };
  const url = new URL(request.url);
  const filters = activityFilters(url.searchParams);
  // The unread and pending counts come with the frame (routes/store.$storeId), which asks for them anyway.
  // The person filter's list is fetched when opened (routes/store.$storeId.activity.people): only the label
  // of the person already chosen comes with the page.
  const [notifications, activity, personLabel] = await Promise.all([
    listNotifications(store.id),
    listActivity(store.id, filters, { before: url.searchParams.get("before") ?? undefined, after: url.searchParams.get("after") ?? undefined }),
    filters.person ? activityPersonLabel(store.id, filters.person) : null,
  ]);
  return {
    store,
    home: {
      notifications,
      activity,
      personLabel,
      filters,
      canMarkRead: can(actor.permissions, "home", "manage"),
      canReview: reviewsRequests(actor),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSection(request, params.storeId, "home", "manage");
  const form = await readForm(request);
  const intent = form.get("intent");
  const back = `/store/${actor.store.id}`;
  if (intent === "markAllRead") return respond(await markNotificationsRead(actor, actor.store.id, "all"), toastUrl(back, "notificationsRead"));
  if (intent === "markRead") {
    const id = String(form.get("notificationId") ?? "");
    return respond(await markNotificationsRead(actor, actor.store.id, [id]), back);
  }
  return invalid({ form: "errors.stale" });
}

type Home = NonNullable<Awaited<ReturnType<typeof loader>>["home"]>;

export default function StoreHome() {
  const t = useT();
  const { store, home } = useLoaderData<typeof loader>();
  const { pendingRequests } = useStoreFrame();
  if (!home) {
    return (
      <Page title={t("permission.section.home")}>
        <Card>
          <EmptyState heading={t("store.home.noAccess.title")} image="/empty-state.svg">
            <p>{t("store.home.noAccess.body")}</p>
            <p>
              {store.name} · {store.domain}
            </p>
          </EmptyState>
        </Card>
      </Page>
    );
  }
  return (
    <Page title={t("permission.section.home")} subtitle={`${store.name} · ${store.domain}`}>
      <BlockStack gap="400">
        {pendingRequests > 0 && home.canReview && (
          <Banner tone="info" title={t("store.home.pending.title", { count: pendingRequests })} action={{ content: t("store.home.pending.review"), url: `/store/${store.id}/users/requests` }}>
            <p>{t("store.home.pending.body")}</p>
          </Banner>
        )}
        <Notifications storeId={store.id} home={home} />
        <ActivityLog storeId={store.id} home={home} />
      </BlockStack>
      <PageToast />
    </Page>
  );
}

function Notifications({ storeId, home }: { storeId: string; home: Home }) {
  const t = useT();
  const locale = useLocale();
  const { notifications } = home;
  const unread = useStoreFrame().unreadNotifications;
  return (
    <Card padding="0">
      <Box padding="400">
        <InlineStack align="space-between" blockAlign="center">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {t("store.notifications.title")}
            </Text>
            {unread > 0 && <Badge tone="attention">{t("store.notifications.unread", { count: unread })}</Badge>}
          </InlineStack>
          {home.canMarkRead && unread > 0 && (
            <Form method="post">
              <input type="hidden" name="intent" value="markAllRead" />
              <Button submit variant="plain">
                {t("store.notifications.markAllRead")}
              </Button>
            </Form>
          )}
        </InlineStack>
      </Box>
      {notifications.length === 0 ? (
        <Box padding="400" paddingBlockStart="0">
          <Text as="p" tone="subdued">
            {t("store.notifications.empty")}
          </Text>
        </Box>
      ) : (
        <ul aria-label={t("store.notifications.title")} style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {notifications.map((item) => {
            const message = t(`store.notifications.kind.${item.kind}`, { organization: item.organization, person: item.person });
            const open = item.kind === "collaborator_request.created" && !item.resolved && home.canReview;
            return (
              <li key={item.id}>
                <Box padding="400" borderBlockStartWidth="025" borderColor="border-secondary" background={item.unread ? "bg-surface-secondary" : undefined}>
                  <InlineStack align="space-between" blockAlign="center" gap="400" wrap={false}>
                    <BlockStack gap="100">
                      <InlineStack gap="200" blockAlign="center">
                        {item.unread && <Badge tone="attention">{t("store.notifications.new")}</Badge>}
                        <Text as="p" fontWeight={item.unread ? "semibold" : "regular"}>
                          {message}
                        </Text>
                      </InlineStack>
                      <Text as="p" tone="subdued">
                        {formatDate(locale, item.createdAt, true)}
                        {item.requestStatus && item.kind === "collaborator_request.created" ? ` · ${t(`store.notifications.status.${item.requestStatus}`)}` : ""}
                      </Text>
                    </BlockStack>
                    <InlineStack gap="200" wrap={false}>
                      {open && (
                        <Button size="slim" url={`/store/${storeId}/users/requests`}>
                          {t("store.home.pending.review")}
                        </Button>
                      )}
                      {home.canMarkRead && item.unread && (
                        <Form method="post" preventScrollReset>
                          <input type="hidden" name="intent" value="markRead" />
                          <input type="hidden" name="notificationId" value={item.id} />
                          <Button submit size="slim" variant="plain" accessibilityLabel={t("store.notifications.markReadLabel", { message })}>
                            {t("store.notifications.markRead")}
                          </Button>
                        </Form>
                      )}
                    </InlineStack>
                  </InlineStack>
                </Box>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function actionLabel(t: ReturnType<typeof useT>, action: string): string {
  const key = `store.activity.action.${action}`;
  return key in catalogues.en ? t(key) : action;
}

function ActivityLog({ storeId, home }: { storeId: string; home: Home }) {
  const t = useT();
  const locale = useLocale();
  const submit = useSubmit();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { activity, filters } = home;
  const filterQuery = new URLSearchParams();
  if (filters.kind) filterQuery.set("kind", filters.kind);
  if (filters.person) filterQuery.set("person", filters.person);
  const page = (cursor: "before" | "after", id: string | null) => {
    const next = new URLSearchParams(filterQuery);
    if (id) next.set(cursor, id);
    return `?${next.toString()}`;
  };
  const change = (name: "kind" | "person", value: string) => {
    const next = new URLSearchParams(filterQuery);
    if (value) next.set(name, value);
    else next.delete(name);
    submit(next, { method: "get", preventScrollReset: true, replace: true });
  };
  const loading = navigation.state === "loading" && navigation.location?.pathname === `/store/${storeId}`;
  return (
    <Card padding="0">
      <Box padding="400">
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {t("store.activity.title")}
            </Text>
            {/* A document request, not a client-side navigation: the browser saves the streamed file. */}
            <Form method="post" action={`/store/${storeId}/activity.csv`} reloadDocument>
              {filters.kind && <input type="hidden" name="kind" value={filters.kind} />}
              {filters.person && <input type="hidden" name="person" value={filters.person} />}
              <Button submit>{t("store.activity.export")}</Button>
            </Form>
          </InlineStack>
          <Form method="get" preventScrollReset>
            <InlineStack gap="300" wrap>
              <Box minWidth="14rem">
                <Select
                  label={t("store.activity.filter.kind")}
                  name="kind"
                  value={filters.kind ?? ""}
                  onChange={(value) => change("kind", value)}
                  options={[{ label: t("store.activity.filter.allKinds"), value: "" }, ...ACTIVITY_KINDS.map((kind) => ({ label: t(`store.activity.kind.${kind}`), value: kind }))]}
                />
              </Box>
              <Box minWidth="18rem">
                <PersonFilter storeId={storeId} person={filters.person ?? null} personLabel={home.personLabel} onChange={(value) => change("person", value)} />
              </Box>
              <noscript>
                <Button submit>{t("common.filter")}</Button>
              </noscript>
            </InlineStack>
          </Form>
        </BlockStack>
      </Box>
      {activity.entries.length === 0 ? (
        <Box padding="400" paddingBlockStart="0">
          <Text as="p" tone="subdued">
            {params.get("kind") || params.get("person") ? t("store.activity.emptyFiltered") : t("store.activity.empty")}
          </Text>
        </Box>
      ) : (
        <IndexTable
          resourceName={{ singular: t("store.activity.singular"), plural: t("store.activity.plural") }}
          itemCount={activity.entries.length}
          selectable={false}
          loading={loading}
          headings={[{ title: t("common.date") }, { title: t("store.activity.person") }, { title: t("store.activity.action") }, { title: t("store.activity.subject") }]}
        >
          {activity.entries.map((entry, index) => (
            <IndexTable.Row id={entry.id} key={entry.id} position={index}>
              <IndexTable.Cell>{formatDate(locale, entry.createdAt, true)}</IndexTable.Cell>
              <IndexTable.Cell>
                <BlockStack gap="050">
                  <Text as="span">{entry.actor}</Text>
                  <Text as="span" tone="subdued" variant="bodySm">
                    {t(`store.activity.actorKind.${entry.actorKind}`)}
                  </Text>
                </BlockStack>
              </IndexTable.Cell>
              <IndexTable.Cell>{actionLabel(t, entry.action)}</IndexTable.Cell>
              <IndexTable.Cell>{[entry.subject, entry.organization && entry.organization !== entry.subject ? entry.organization : null].filter(Boolean).join(" · ") || "—"}</IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      )}
      {(activity.hasNewer || activity.hasOlder) && (
      <Box padding="400">
        <InlineStack align="center">
          <Pagination
            hasPrevious={activity.hasNewer}
            previousURL={activity.hasNewer ? page("after", activity.newest) : undefined}
            previousTooltip={t("store.activity.newer")}
            hasNext={activity.hasOlder}
            nextURL={activity.hasOlder ? page("before", activity.oldest) : undefined}
            nextTooltip={t("store.activity.older")}
            accessibilityLabels={{ previous: t("store.activity.newer"), next: t("store.activity.older") }}
          />
        </InlineStack>
      </Box>
      )}
    </Card>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
