// The list page shared by the store's Orders, Products and Customers and the partner's Stores: status
// tabs, a search, an IndexTable with rows that open the record, cursor pagination (the URL holds
// ?q=&status=&after=|before=) and empty states.
import { Form, useLocation, useNavigate, useNavigation, useSearchParams } from "@remix-run/react";
import { Button, Card, EmptySearchResult, EmptyState, IndexTable, InlineStack, Page, Pagination, Tabs, TextField, Box, type IndexTableProps } from "@shopify/polaris";
import { useState, type ReactNode } from "react";
import { filterUrl, pageUrl, SEARCH_MAX_LENGTH, type PageInfo } from "~/domain/section-list";
import { useT } from "~/i18n/react";

export interface IndexAction {
  content: string;
  url?: string;
  onAction?: () => void;
}

export interface ResourceIndexProps<T extends { id: string }> {
  title: string;
  /** A line under the title (e.g. a counter). */
  subtitle?: string;
  primaryAction?: IndexAction;
  /** A control of its own (e.g. a menu) in the primary action's place, when a button is not enough. */
  primaryActionMarkup?: ReactNode;
  secondaryActions?: IndexAction[];
  resourceName: { singular: string; plural: string };
  /** Filter tabs; the value "" is "All". */
  tabs?: { value: string; label: string }[];
  query: { q: string; status: string };
  searchLabel: string;
  headings: IndexTableProps["headings"];
  items: T[];
  pageInfo: PageInfo;
  renderRow: (item: T, index: number) => ReactNode;
  /** Shown when there is nothing at all yet (no search, no filter, first page). */
  empty: { heading: string; body: string; action?: IndexAction };
  /** What a search or a filter that matches nothing says; the generic "No results" otherwise. */
  noResults?: { title: string; body: string };
  children?: ReactNode;
  /** Rows that can be selected for bulk actions (Polaris's useIndexResourceState in the page); none by default. */
  selection?: {
    selectedResources: string[];
    allResourcesSelected: boolean;
    onSelectionChange: IndexTableProps["onSelectionChange"];
    promotedBulkActions: IndexTableProps["promotedBulkActions"];
  };
}

export function ResourceIndex<T extends { id: string }>(props: ResourceIndexProps<T>) {
  const t = useT();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const location = useLocation();
  const [params] = useSearchParams();
  const [search, setSearch] = useState(props.query.q);
  const { pageInfo, items, query } = props;
  const filtered = Boolean(query.q || query.status || pageInfo.hasPrevious);
  // Moving between pages, tabs or searches of this same list.
  const loading = navigation.state === "loading" && navigation.location?.pathname === location.pathname;

  const tabs = props.tabs ?? [];
  const selectedTab = Math.max(0, tabs.findIndex((tab) => tab.value === query.status));

  const emptyState =
    items.length === 0 && !filtered ? (
      <EmptyState heading={props.empty.heading} action={props.empty.action} image="/empty-state.svg" fullWidth>
        <p>{props.empty.body}</p>
      </EmptyState>
    ) : (
      <EmptySearchResult
        title={props.noResults?.title ?? t("sections.list.noResults.title")}
        description={props.noResults?.body ?? t("sections.list.noResults.body")}
        withIllustration={false}
      />
    );

  return (
    <Page title={props.title} subtitle={props.subtitle} primaryAction={props.primaryActionMarkup ?? props.primaryAction} secondaryActions={props.secondaryActions}>
      {props.children}
      <Card padding="0">
        {tabs.length > 0 && (
          <Tabs
            tabs={tabs.map((tab) => ({
              id: `tab-${tab.value || "all"}`,
              content: tab.label,
              url: filterUrl(params, { status: tab.value.toLowerCase() }),
              panelID: "resource-index-panel",
            }))}
            selected={selectedTab}
          />
        )}
        <Box padding="300" borderBlockEndWidth="025" borderColor="border">
          <Form method="get" role="search" aria-label={props.searchLabel}>
            {query.status && <input type="hidden" name="status" value={query.status.toLowerCase()} />}
            <InlineStack gap="200" wrap={false} blockAlign="center">
              <div style={{ flex: 1 }}>
                <TextField
                  label={props.searchLabel}
                  labelHidden
                  name="q"
                  value={search}
                  onChange={setSearch}
                  placeholder={props.searchLabel}
                  autoComplete="off"
                  maxLength={SEARCH_MAX_LENGTH}
                  clearButton
                  onClearButtonClick={() => {
                    setSearch("");
                    navigate(filterUrl(params, { q: "" }));
                  }}
                />
              </div>
              <Button submit>{t("common.search")}</Button>
            </InlineStack>
          </Form>
        </Box>
        <div id="resource-index-panel">
          <IndexTable
            resourceName={props.resourceName}
            itemCount={items.length}
            headings={props.headings}
            selectable={Boolean(props.selection)}
            {...(props.selection
              ? {
                  selectedItemsCount: props.selection.allResourcesSelected ? "All" : props.selection.selectedResources.length,
                  onSelectionChange: props.selection.onSelectionChange,
                  promotedBulkActions: props.selection.promotedBulkActions,
                }
              : {})}
            loading={loading}
            emptyState={emptyState}
          >
            {items.map((item, index) => props.renderRow(item, index))}
          </IndexTable>
        </div>
        {(pageInfo.hasNext || pageInfo.hasPrevious) && (
          <Box padding="300" borderBlockStartWidth="025" borderColor="border">
            <InlineStack align="center">
              <Pagination
                hasPrevious={pageInfo.hasPrevious}
                hasNext={pageInfo.hasNext}
                // A disabled side gets no URL: Polaris would draw it as a link without href, whose label is not allowed.
                previousURL={pageInfo.hasPrevious && pageInfo.startCursor ? pageUrl(params, "before", pageInfo.startCursor) : undefined}
                nextURL={pageInfo.hasNext && pageInfo.endCursor ? pageUrl(params, "after", pageInfo.endCursor) : undefined}
                accessibilityLabel={t("common.pagination")}
                accessibilityLabels={{ previous: t("common.previous"), next: t("common.next") }}
              />
            </InlineStack>
          </Box>
        )}
      </Card>
    </Page>
  );
}
