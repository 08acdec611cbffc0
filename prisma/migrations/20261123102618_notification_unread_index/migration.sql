-- Written by hand (issue 6, performance): Prisma's schema language has no partial indexes.
-- The unread-notification count (the Home badge in the store admin's frame, and Home itself) reads only
-- unread rows of one store. With the (storeId, createdAt) index alone it visited every notification the
-- store ever had (2,000 rows for the benchmark's large store); this index holds unread rows only, so the
-- count costs what there is to count.
CREATE INDEX "Notification_storeId_unread_idx" ON "Notification"("storeId") WHERE "readAt" IS NULL;
