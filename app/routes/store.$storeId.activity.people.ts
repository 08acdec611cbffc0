// GET /store/:storeId/activity/people — the people in the store's activity log, for Home's "person"
// filter. Fetched when the filter is opened, so that Home itself never walks the whole list of people.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSection } from "~/lib/auth.server";
import { activityPeople } from "~/services/store-home.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSection(request, params.storeId, "home", "view");
  return { people: await activityPeople(actor.store.id) };
}
