// GET /partners/:orgId/activity/people — the people in the organization's activity log, for its "person"
// filter. Fetched when the filter is opened, so that the log page never walks the whole list of people.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/services/guards.server";
import { partnerActivityPeople } from "~/services/partner-activity.server";
import type { ActivityPeople } from "~/domain/activity-log";

export async function loader(args: LoaderFunctionArgs): Promise<ActivityPeople> {
  const { organization } = await requireMember(args, args.params.orgId);
  return { people: await partnerActivityPeople(organization.id) };
}
