// Home's "person" filter: a searchable list of everyone in the store's activity log, fetched the first time
// the field gets focus (a large store has hundreds of people in its log; Home does not load them up front).
import { useEffect, useMemo, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Autocomplete, Icon } from "@shopify/polaris";
import { SearchIcon } from "@shopify/polaris-icons";
import type { ActivityPeople } from "~/domain/activity-log";
import { useT } from "~/i18n/react";

const EVERYONE = "";

export function PersonFilter({
  source,
  person,
  personLabel,
  onChange,
}: {
  /** Where the list of people comes from: a GET answering ActivityPeople. */
  source: string;
  person: string | null;
  /** The chosen person's label, from the page's loader. */
  personLabel: string | null;
  onChange: (userId: string) => void;
}) {
  const t = useT();
  const people = useFetcher<ActivityPeople>();
  const [text, setText] = useState(personLabel ?? "");
  // After the page changes filter, the field shows what the page is filtered on.
  useEffect(() => setText(personLabel ?? ""), [person, personLabel]);

  const load = () => {
    if (people.state === "idle" && !people.data) people.load(source);
  };
  const everyone = t("store.activity.filter.everyone");
  const options = useMemo(() => {
    const all = people.data?.people ?? [];
    // The chosen label is in the field: show the whole list until the person types something else.
    const needle = text === (personLabel ?? "") ? "" : text.trim().toLowerCase();
    const matching = needle ? all.filter((entry) => entry.label.toLowerCase().includes(needle)) : all;
    return [{ value: EVERYONE, label: everyone }, ...matching.map((entry) => ({ value: entry.userId, label: entry.label }))];
  }, [people.data, text, personLabel, everyone]);

  return (
    <>
      {/* Without JavaScript the form keeps the current person when the kind changes. */}
      <input type="hidden" name="person" value={person ?? ""} />
      <Autocomplete
        options={options}
        selected={[person ?? EVERYONE]}
        loading={people.state === "loading"}
        emptyState={t("store.activity.filter.noPerson")}
        onSelect={(selected) => {
          const chosen = selected[0] ?? EVERYONE;
          setText(chosen === EVERYONE ? "" : (options.find((option) => option.value === chosen)?.label ?? ""));
          if (chosen !== (person ?? EVERYONE)) onChange(chosen);
        }}
        textField={
          <Autocomplete.TextField
            label={t("store.activity.filter.person")}
            value={text}
            onChange={setText}
            onFocus={load}
            placeholder={everyone}
            prefix={<Icon source={SearchIcon} />}
            autoComplete="off"
            clearButton
            onClearButtonClick={() => {
              setText("");
              if (person) onChange(EVERYONE);
            }}
          />
        }
      />
    </>
  );
}
