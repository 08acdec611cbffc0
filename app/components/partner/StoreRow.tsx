import { BlockStack, IndexTable, Text } from "@shopify/polaris";
import type { SubmissionResult } from "~/domain/forms";
import type { PartnerStoreRow } from "~/services/partner-stores.server";
import { formatDate } from "~/i18n";
import { useLocale } from "~/i18n/react";
import { PermissionSummary } from "./PermissionSummary";
import { StoreRowActions } from "./StoreRowActions";
import { StoreStateBadge } from "./StoreStateBadge";
import { AccessDates, GrantDifferences } from "./AccessTimeline";

export type StoreRowData = PartnerStoreRow & { id: string };

/** One store of the list: name and domain, where the access stands, since when, what it allows, and its buttons. */
export function StoreRow({
  row,
  position,
  onRefused,
  selected = false,
  selectable = false,
}: {
  row: StoreRowData;
  position: number;
  onRefused: (answer: SubmissionResult<string[]>) => void;
  /** For the bulk removal: rows whose access can be removed can be selected. */
  selected?: boolean;
  selectable?: boolean;
}) {
  const locale = useLocale();
  return (
    <IndexTable.Row id={row.id} position={position} selected={selected} disabled={!selectable}>
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
        <BlockStack gap="100" inlineAlign="start">
          <StoreStateBadge state={row.state} />
          <AccessDates row={row} />
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>{formatDate(locale, row.updatedAt)}</IndexTable.Cell>
      <IndexTable.Cell>
        <BlockStack gap="100">
          <PermissionSummary permissions={row.permissions} subdued={row.state === "REMOVED"} />
          <GrantDifferences differences={row.grantDifferences} />
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        {/* A selectable row toggles its selection on click (and cancels the click): the buttons keep theirs. */}
        <div onClick={(event) => event.stopPropagation()}>
          <StoreRowActions row={row} onRefused={onRefused} />
        </div>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}
