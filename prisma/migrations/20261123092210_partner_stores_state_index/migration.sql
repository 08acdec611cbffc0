-- CreateIndex
CREATE INDEX "CollaboratorAccess_organizationId_listed_state_updatedAt_id_idx" ON "CollaboratorAccess"("organizationId", "listed", "state", "updatedAt" DESC, "id");
