// One choice per store-admin section: No access / View / Manage. Posts as `perm.<section>` fields that
// permissionsFromForm (~/domain/permissions) reads on the server. Used by the partner's request form, the
// owner's approve dialog and the staff forms.
import { BlockStack, Box, InlineError, InlineGrid, Select, Text } from "@shopify/polaris";
import { useId, useState } from "react";
import { useT } from "~/i18n/react";
import { LEVELS, PERMISSION_FIELD_PREFIX, type Level, type PermissionMap, type Section } from "~/domain/permissions";

export interface PermissionPickerProps {
  /** The sections offered, in this order (e.g. COLLABORATOR_SECTIONS, which has no `staff`). */
  sections: readonly Section[];
  /** The initial choice, or the current one when `onChange` is given (controlled). */
  value: PermissionMap;
  onChange?: (value: PermissionMap) => void;
  /** A translated message shown under the group, e.g. "Choose at least one section." */
  error?: string;
  /**
   * Shown but not changeable. Their current level is still posted (as a hidden field), so that saving a
   * form never drops a permission the person could not touch. The server must check again anyway.
   */
  disabledSections?: readonly Section[];
  /** The highest level offered per section (e.g. what the granter holds); absent means Manage. */
  maxLevels?: PermissionMap;
  /** Overrides the group's title ("Permissions"). */
  legend?: string;
  helpText?: string;
}

const NONE = "";

export function PermissionPicker({ sections, value, onChange, error, disabledSections = [], maxLevels, legend, helpText }: PermissionPickerProps) {
  const t = useT();
  const id = useId();
  const [own, setOwn] = useState<PermissionMap>(value);
  const current = onChange ? value : own;

  const choose = (section: Section, level: string) => {
    const next: PermissionMap = { ...current };
    if (level === "view" || level === "manage") next[section] = level;
    else delete next[section];
    if (onChange) onChange(next);
    else setOwn(next);
  };

  const optionsFor = (section: Section) => {
    const max = maxLevels?.[section];
    const allowed = (level: Level) => !maxLevels || !(section in maxLevels) || (max !== undefined && LEVELS.indexOf(level) <= LEVELS.indexOf(max));
    return [
      { label: t("permission.level.none"), value: NONE },
      ...LEVELS.map((level) => ({ label: t(`permission.level.${level}`), value: level, disabled: !allowed(level) })),
    ];
  };

  return (
    <fieldset className="portier-permission-picker" aria-describedby={`${id}-help${error ? ` ${id}Error` : ""}`} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <legend style={{ padding: 0, marginBottom: "var(--p-space-100)" }}>
        <Text as="span" variant="headingSm">
          {legend ?? t("permission.picker.legend")}
        </Text>
      </legend>
      <BlockStack gap="300">
        <div id={`${id}-help`}>
          <Text as="p" tone="subdued">
            {helpText ?? t("permission.picker.help")}
          </Text>
        </div>
        <InlineGrid columns={{ xs: 1, sm: 2 }} gap="300">
          {sections.map((section) => {
            const disabled = disabledSections.includes(section);
            const level = current[section] ?? NONE;
            return (
              <Box key={section}>
                <Select
                  label={t(`permission.section.${section}`)}
                  name={disabled ? undefined : `${PERMISSION_FIELD_PREFIX}${section}`}
                  options={optionsFor(section)}
                  value={level}
                  onChange={(next) => choose(section, next)}
                  disabled={disabled}
                />
                {disabled && <input type="hidden" name={`${PERMISSION_FIELD_PREFIX}${section}`} value={level} />}
              </Box>
            );
          })}
        </InlineGrid>
        {error && <InlineError message={error} fieldID={id} />}
      </BlockStack>
    </fieldset>
  );
}
