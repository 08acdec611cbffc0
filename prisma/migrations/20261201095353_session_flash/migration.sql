-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "flash" JSONB;
