-- The organization's activity log (partners.$orgId.activity) filters by kind and by person, as the
-- store's does: the same keyset order (id DESC) behind an equality on the action's kind or the actor,
-- so a filtered page or a filtered CSV export reads only the rows it returns. The person filter's list
-- walks (organizationId, actorUserId) one probe per person (store-home.server.ts, activityPeople).
CREATE INDEX "ActivityLog_organizationId_action_id_idx" ON "ActivityLog"("organizationId", "action", "id" DESC);
CREATE INDEX "ActivityLog_organizationId_actorUserId_id_idx" ON "ActivityLog"("organizationId", "actorUserId", "id" DESC);
