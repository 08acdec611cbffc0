import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Banner, BlockStack, Box, useIndexResourceState } from "@shopify/polaris";
import { useCallback, useMemo, useRef, useState } from "react";
import { z } from "zod";
import { readIntent } from "~/lib/intents.server";
import { respond } from "~/lib/respond.server";
import { requireMember } from "~/services/guards.server";
import { cancelRequest } from "~/services/access-requests.server";
import { logInToStore } from "~/services/collaborator-login.server";
import { dismissDeclined, removeAccess, removeAccesses, removeFromList } from "~/services/partner-access.server";
import { listPartnerStores } from "~/services/partner-stores.server";
import { BULK_REMOVAL_MAX, STORE_FILTERS } from "~/domain/access-request";
import { PARTNER_ACTIONS, pendingCounterOf } from "~/domain/request-lifecycle";
import { isUuid } from "~/domain/ids";
import { parseListQuery } from "~/domain/section-list";
import { message } from "~/i18n/messages";
import { ResourceIndex } from "~/components/ResourceIndex";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { AddStoreMenu } from "~/components/partner/AddStoreMenu";
import { StoreRow } from "~/components/partner/StoreRow";
import { BulkRemoveDialog } from "~/components/partner/BulkRemoveDialog";
import { StoresNotice, useStoresNotice } from "~/components/partner/StoresNotice";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Stores · Portier" }];

/** The tabs besides All: every state a listed row can be in. */
const STATES = STORE_FILTERS.filter((filter) => filter !== "all");

/** The row a button is for (an access, or for Cancel its request): a wrong id means the page is out of date. */
const row = z.object({ id: z.string({ required_error: "errors.stale" }).uuid("errors.stale") });

/** The selected stores of a bulk removal: access ids, comma-separated (one hidden field). */
const selection = z.object({
  ids: z
    .string({ required_error: "logs.bulk.errors.selection" })
    .transform((value) => value.split(",").map((id) => id.trim()).filter(Boolean))
    .refine((ids) => ids.length >= 1 && ids.length <= BULK_REMOVAL_MAX && ids.every(isUuid), "logs.bulk.errors.selection"),
});

export const forms = { cancel: row, login: row, removeAccess: row, removeFromList: row, dismiss: row, removeAccesses: selection };

export async function loader(args: LoaderFunctionArgs) {
  const { organization } = await requireMember(args, args.params.orgId);
  const params = new URL(args.request.url).searchParams;
  const { q, status } = parseListQuery(params, STATES);
  const page = await listPartnerStores(organization.id, { filter: status || "all", query: q, after: params.get("after"), before: params.get("before") });
  return {
    organization: { id: organization.id, name: organization.name },
    query: { q, status },
    items: page.rows.map((store) => ({ ...store, id: store.accessId })),
    pageInfo: { hasPrevious: Boolean(page.previousCursor), hasNext: Boolean(page.nextCursor), startCursor: page.previousCursor, endCursor: page.nextCursor },
    // The membership check read the organization's row, pending counter included.
    counter: pendingCounterOf(organization.pendingRequestCount),
  };
}

/** Back to the list as the person left it (tab, search, page), without Remix's ?index marker. */
function listUrl(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete("index");
  return url.pathname + url.search;
}

export async function action(args: ActionFunctionArgs) {
  const { session, organization, ip, flash } = await requireMember(args, args.params.orgId);
  const input = await readIntent(args.request, forms);
  if ("response" in input) return input.response;
  const answer = { submission: input.submission, flash };
  if (input.intent === "removeAccesses") {
    return respond(await removeAccesses(session.user, organization.id, input.value.ids, ip), {
      ...answer,
      done: ({ removed, alreadyGone }) => ({
        redirect: listUrl(args.request),
        toast: alreadyGone > 0 ? message("logs.bulk.toast.mixed", { count: removed, gone: alreadyGone }) : message("logs.bulk.toast.removed", { count: removed }),
      }),
    });
  }
  const { id } = input.value;
  const back = (toast: MessageKey) => () => ({ redirect: listUrl(args.request), toast: message(toast) });
  switch (input.intent) {
    case "login":
      return respond(await logInToStore(session, organization.id, id, ip), { ...answer, done: ({ storeId }) => ({ redirect: `/store/${storeId}` }) });
    case "cancel":
      return respond(await cancelRequest(session.user, organization.id, id, ip), { ...answer, done: back("partner.stores.toast.cancelled") });
    case "removeAccess":
      return respond(await removeAccess(session.user, organization.id, id, ip), { ...answer, done: back("partner.stores.toast.removed") });
    case "removeFromList":
      return respond(await removeFromList(session.user, organization.id, id, ip), { ...answer, done: back("partner.stores.toast.removedFromList") });
    case "dismiss":
      return respond(await dismissDeclined(session.user, organization.id, id, ip), { ...answer, done: back("partner.stores.toast.dismissed") });
  }
}

/** A refusal means the list changed meanwhile (the owner decided, a colleague acted): show where it stands now. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

export default function PartnerStores() {
  const t = useT();
  const { organization, query, items, pageInfo, counter } = useLoaderData<typeof loader>();
  const { notice, show, dismiss } = useStoresNotice();
  // Bulk removal: the rows whose access can be removed can be selected (this page's rows only).
  const removable = useMemo(() => items.filter((store) => PARTNER_ACTIONS[store.state].includes("removeAccess")), [items]);
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(removable, { resourceIDResolver: (store) => store.id });
  const [confirmingBulk, setConfirmingBulk] = useState(false);
  const selected = removable.filter((store) => selectedResources.includes(store.id));
  const closeBulk = useCallback(() => {
    setConfirmingBulk(false);
    clearSelection();
  }, [clearSelection]);
  const exportCsv = useRef<HTMLFormElement>(null);
  const requestUrl = `/partners/${organization.id}/stores/request`;
  const capReached = t("partner.stores.capReached", { limit: counter.limit, count: counter.limit });
  return (
    <ResourceIndex
      title={t("partner.stores.title")}
      subtitle={t("partner.stores.counter", { count: counter.pending, limit: counter.limit })}
      primaryActionMarkup={<AddStoreMenu requestUrl={requestUrl} counter={counter} />}
      secondaryActions={[{ content: t("logs.stores.export"), onAction: () => exportCsv.current?.submit() }]}
      selection={{
        selectedResources,
        allResourcesSelected,
        onSelectionChange: handleSelectionChange,
        promotedBulkActions: [{ content: t("logs.bulk.remove"), onAction: () => setConfirmingBulk(true) }],
      }}
      resourceName={{ singular: t("partner.stores.resource.singular"), plural: t("partner.stores.resource.plural") }}
      tabs={[{ value: "", label: t("partner.stores.tab.all") }, ...STATES.map((state) => ({ value: state, label: t(`partner.stores.tab.${state}`) }))]}
      query={query}
      searchLabel={t("partner.stores.searchPlaceholder")}
      headings={[
        { title: t("partner.stores.column.store") },
        { title: t("partner.stores.column.status") },
        { title: t("partner.stores.column.date") },
        { title: t("partner.stores.column.permissions") },
        { title: t("partner.stores.column.actions"), alignment: "end" },
      ]}
      items={items}
      pageInfo={pageInfo}
      renderRow={(store, index) => (
        <StoreRow
          key={store.id}
          row={store}
          position={index}
          onRefused={show}
          selectable={removable.includes(store)}
          selected={selectedResources.includes(store.id)}
        />
      )}
      empty={{
        heading: t("partner.stores.empty.title"),
        body: t("partner.stores.empty.body"),
        action: counter.full ? undefined : { content: t("partner.stores.requestAccess"), url: requestUrl },
      }}
      noResults={{ title: t("partner.stores.noMatch.title"), body: t("partner.stores.noMatch.body") }}
    >
      {/* "Export CSV" (a page action): a document POST with the page's tab and search, so the browser saves the file. */}
      <Form method="post" action={`/partners/${organization.id}/stores.csv`} reloadDocument ref={exportCsv} hidden>
        <input type="hidden" name="q" value={query.q} />
        <input type="hidden" name="status" value={query.status.toLowerCase()} />
      </Form>
      <BulkRemoveDialog open={confirmingBulk} onClose={closeBulk} stores={selected} onRefused={show} />
      {(counter.full || notice) && (
        <Box paddingBlockEnd="400">
          <BlockStack gap="400">
            {counter.full && <Banner tone="warning">{capReached}</Banner>}
            <StoresNotice notice={notice} onDismiss={dismiss} />
          </BlockStack>
        </Box>
      )}
    </ResourceIndex>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
