-- Rules the database itself enforces, so that no race and no code path can break them.
-- Written by hand: Prisma's schema language cannot express these. `npm run db:migration` leaves them alone.

-- Normalised values.
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase" CHECK ("email" = lower("email"));
ALTER TABLE "StaffAccount" ADD CONSTRAINT "StaffAccount_email_lowercase" CHECK ("email" = lower("email"));
ALTER TABLE "Store" ADD CONSTRAINT "Store_domain_lowercase" CHECK ("domain" = lower("domain"));
ALTER TABLE "Store" ADD CONSTRAINT "Store_collaboratorCode_four_digits" CHECK ("collaboratorCode" ~ '^[0-9]{4}$');
ALTER TABLE "Store" ADD CONSTRAINT "Store_inactivityDays_range" CHECK ("inactivityDays" BETWEEN 7 AND 3650);

-- Exactly one owner per store, always active.
CREATE UNIQUE INDEX "StaffAccount_one_owner_per_store" ON "StaffAccount"("storeId") WHERE "isOwner";
ALTER TABLE "StaffAccount" ADD CONSTRAINT "StaffAccount_owner_active" CHECK (NOT "isOwner" OR "status" = 'ACTIVE');

-- Collaborators never get the staff section.
ALTER TABLE "CollaboratorRequest" ADD CONSTRAINT "CollaboratorRequest_no_staff_section"
  CHECK (NOT ("permissions" && ARRAY['staff_view', 'staff_manage']::"Permission"[])
     AND NOT ("grantedPermissions" && ARRAY['staff_view', 'staff_manage']::"Permission"[]));
ALTER TABLE "CollaboratorAccess" ADD CONSTRAINT "CollaboratorAccess_no_staff_section"
  CHECK (NOT ("permissions" && ARRAY['staff_view', 'staff_manage']::"Permission"[]));
ALTER TABLE "CollaboratorRequest" ADD CONSTRAINT "CollaboratorRequest_message_length"
  CHECK ("message" IS NULL OR char_length("message") <= 1000);

-- One pending request per organization and store.
CREATE UNIQUE INDEX "CollaboratorRequest_one_pending_per_store"
  ON "CollaboratorRequest"("organizationId", "storeId") WHERE "status" = 'PENDING';

-- A request is decided once: PENDING may become APPROVED, DECLINED or CANCELLED, and nothing else moves.
CREATE FUNCTION portier_request_decided_once() RETURNS trigger AS $$
BEGIN
  IF OLD."status" <> NEW."status" AND OLD."status" <> 'PENDING' THEN
    RAISE EXCEPTION 'collaborator request % is already %', OLD."id", OLD."status" USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER "CollaboratorRequest_decided_once" BEFORE UPDATE OF "status" ON "CollaboratorRequest"
  FOR EACH ROW EXECUTE FUNCTION portier_request_decided_once();

-- At most 10 pending requests per organization. The counter lives on the organization's row, kept by a
-- trigger in the same transaction as the request; the UPDATE row-locks the organization, so concurrent
-- requests queue, and the CHECK refuses the 11th whatever the isolation level.
ALTER TABLE "PartnerOrganization" ADD CONSTRAINT "PartnerOrganization_pending_cap"
  CHECK ("pendingRequestCount" BETWEEN 0 AND 10);

CREATE FUNCTION portier_count_pending_requests() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'PENDING' THEN
    UPDATE "PartnerOrganization" SET "pendingRequestCount" = "pendingRequestCount" - 1 WHERE "id" = OLD."organizationId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'PENDING' THEN
    UPDATE "PartnerOrganization" SET "pendingRequestCount" = "pendingRequestCount" + 1 WHERE "id" = NEW."organizationId";
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER "CollaboratorRequest_count_pending" AFTER INSERT OR UPDATE OF "status" OR DELETE ON "CollaboratorRequest"
  FOR EACH ROW EXECUTE FUNCTION portier_count_pending_requests();

-- The activity log is append-only.
CREATE FUNCTION portier_activity_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the activity log is append-only' USING ERRCODE = 'P0001';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER "ActivityLog_append_only" BEFORE UPDATE OR DELETE ON "ActivityLog"
  FOR EACH ROW EXECUTE FUNCTION portier_activity_log_append_only();
CREATE TRIGGER "ActivityLog_no_truncate" BEFORE TRUNCATE ON "ActivityLog"
  FOR EACH STATEMENT EXECUTE FUNCTION portier_activity_log_append_only();
