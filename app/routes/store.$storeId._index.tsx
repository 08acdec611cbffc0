// Home: notifications (new requests, cancellations, removals) with unread state, and the store's activity
// log (newest first, filter by kind and person, export as CSV), for people with `home` access; a welcome
// that points to the navigation for everyone else. The cards are in components/home.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Page } from "@shopify/polaris";
import { z } from "zod";
import { readIntent } from "~/lib/intents.server";
import { respond } from "~/lib/respond.server";
import { requireSection, requireStoreActor } from "~/services/guards.server";
import { activityPersonLabel, listActivity, listNotifications, markNotificationsRead } from "~/services/store-home.server";
import { reviewsRequests } from "~/services/store-frame.server";
import { can } from "~/domain/permissions";
import { activityFilters } from "~/domain/activity-log";
import { message } from "~/i18n/messages";
import { HomeWelcome } from "~/components/home/HomeWelcome";
import { PendingRequestsBanner } from "~/components/home/PendingRequestsBanner";
import { NotificationsCard } from "~/components/home/NotificationsCard";
import { ActivityLogCard } from "~/components/home/ActivityLogCard";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useStoreFrame } from "~/components/useStoreFrame";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Home · Portier" }];

/** Both buttons of the notifications card; one notification is named by its id (another store's matches none). */
export const forms = { markAllRead: z.object({}), markRead: z.object({ notificationId: z.string() }) };

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireStoreActor(args, args.params.storeId);
  const store = actor.store;
  if (!can(actor.permissions, "home", "view")) return { store, home: null };
  const url = new URL(args.request.url);
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

export async function action(args: ActionFunctionArgs) {
  const { actor, flash } = await requireSection(args, args.params.storeId, "home", "manage");
  const input = await readIntent(args.request, forms);
  if ("response" in input) return input.response;
  const back = `/store/${actor.store.id}`;
  if (input.intent === "markAllRead") {
    const result = await markNotificationsRead(actor, actor.store.id, "all");
    return respond(result, { submission: input.submission, flash, done: () => ({ redirect: back, toast: message("store.toast.notificationsRead") }) });
  }
  // One notification read: the row changes, which says enough without a toast.
  const result = await markNotificationsRead(actor, actor.store.id, [input.value.notificationId]);
  return respond(result, { submission: input.submission, flash, done: () => ({ redirect: back }) });
}

export default function StoreHome() {
  const t = useT();
  const { store, home } = useLoaderData<typeof loader>();
  const { pendingRequests, unreadNotifications } = useStoreFrame();
  if (!home) return <HomeWelcome store={store} />;
  return (
    <Page title={t("permission.section.home")} subtitle={`${store.name} · ${store.domain}`}>
      <BlockStack gap="400">
        {home.canReview && <PendingRequestsBanner storeId={store.id} count={pendingRequests} />}
        <NotificationsCard storeId={store.id} notifications={home.notifications} unread={unreadNotifications} canMarkRead={home.canMarkRead} canReview={home.canReview} />
        <ActivityLogCard storeId={store.id} activity={home.activity} filters={home.filters} personLabel={home.personLabel} />
      </BlockStack>
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
