// GET /store/:storeId/activity/people — the people in the store's activity log, for Home's "person"
// filter. Fetched when the filter is opened, so that Home itself never walks the whole list of people.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSection } from "~/services/guards.server";
import { activityPeople } from "~/services/store-home.server";
import type { ActivityPeople } from "~/domain/activity-log";

export async function loader(args: LoaderFunctionArgs): Promise<ActivityPeople> {
  const { actor } = await requireSection(args, args.params.storeId, "home", "view");
  return { people: await activityPeople(actor.store.id) };
}
