-- Collaborator access over time (SPEC.md): an end date the owner may set, the week-before warnings and the
-- automatic end, and the reminder of a request left pending. Each marker column is set by one conditional
-- UPDATE in the sweep (app/services/access-expiry.server.ts), so each warning, end and reminder happens once
-- whatever the number of instances sweeping.

-- AlterTable
ALTER TABLE "CollaboratorAccess" ADD COLUMN "endsAt" TIMESTAMP(3),
ADD COLUMN "endWarnedAt" TIMESTAMP(3),
ADD COLUMN "endedReason" TEXT;

ALTER TABLE "CollaboratorAccess" ADD CONSTRAINT "CollaboratorAccess_endedReason_check"
  CHECK ("endedReason" IS NULL OR "endedReason" IN ('end_date', 'inactive'));

-- AlterTable
ALTER TABLE "CollaboratorRequest" ADD COLUMN "remindedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "CollaboratorAccess_state_endsAt_idx" ON "CollaboratorAccess"("state", "endsAt");

-- CreateIndex
CREATE INDEX "CollaboratorRequest_status_createdAt_idx" ON "CollaboratorRequest"("status", "createdAt");
