-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "leaseToken" UUID,
ADD COLUMN     "leasedUntil" TIMESTAMP(3);
