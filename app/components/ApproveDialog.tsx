// The owner's "Approve" dialog: the requested permissions, adjustable (any section but `staff`, View or
// Manage, never above what the person approving holds) before confirming.
import { BlockStack, Text } from "@shopify/polaris";
import { useState, type ReactNode } from "react";
import { COLLABORATOR_SECTIONS, toMap, type PermissionMap, type Section } from "~/domain/permissions";
import { useT } from "~/i18n/react";
import { ConfirmDialog } from "./ConfirmDialog";
import { PermissionPicker } from "./PermissionPicker";
import { EndDateField } from "./EndDateField";

/**
 * The highest level the granter may choose per section: what they hold, or what the person already has
 * (a section may be left as it is). A section absent from both is offered at no level.
 */
export function grantableLevels(granter: readonly string[], current: readonly string[], sections: readonly Section[]): PermissionMap {
  const mine = toMap(granter);
  const theirs = toMap(current);
  const levels: PermissionMap = {};
  for (const section of sections) {
    const best = mine[section] === "manage" || theirs[section] === "manage" ? "manage" : mine[section] ?? theirs[section];
    levels[section] = best;
  }
  return levels;
}

export interface PermissionsDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  primaryLabel: string;
  intent: string;
  fields: Record<string, string>;
  /** What the dialog starts with (the request's, or the collaborator's current permissions). */
  initial: readonly string[];
  /** The permissions of the person deciding. */
  granter: readonly string[];
  /** The permissions the collaborator holds now (nothing for a request). */
  current?: readonly string[];
  intro?: string;
  /** More fields after the picker (the approve dialog's end date), given the field errors. */
  extra?: (error: (field: string) => string | undefined) => ReactNode;
}

export function PermissionsDialog({ open, onClose, title, primaryLabel, intent, fields, initial, granter, current = [], intro, extra }: PermissionsDialogProps) {
  const t = useT();
  const [value, setValue] = useState<PermissionMap>(() => toMap(initial));
  const close = () => {
    setValue(toMap(initial));
    onClose();
  };
  return (
    <ConfirmDialog open={open} onClose={close} title={title} confirmLabel={primaryLabel} destructive={false} intent={intent} fields={fields}>
      {(error) => (
        <BlockStack gap="400">
          {intro && <Text as="p">{intro}</Text>}
          <PermissionPicker
            sections={COLLABORATOR_SECTIONS}
            value={value}
            onChange={setValue}
            maxLevels={grantableLevels(granter, current, COLLABORATOR_SECTIONS)}
            error={error("permissions")}
            helpText={t("store.requests.approve.help")}
          />
          {extra?.(error)}
        </BlockStack>
      )}
    </ConfirmDialog>
  );
}

export function ApproveDialog({
  open,
  onClose,
  request,
  granter,
}: {
  open: boolean;
  onClose: () => void;
  request: { id: string; organizationName: string; permissions: readonly string[] };
  granter: readonly string[];
}) {
  const t = useT();
  return (
    <PermissionsDialog
      open={open}
      onClose={onClose}
      title={t("store.requests.approve.title", { organization: request.organizationName })}
      primaryLabel={t("store.requests.approve")}
      intent="approve"
      fields={{ requestId: request.id }}
      initial={request.permissions}
      granter={granter}
      intro={t("store.requests.approve.intro", { organization: request.organizationName })}
      extra={(error) => <EndDateField error={error("endsOn")} />}
    />
  );
}
