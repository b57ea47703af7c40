-- AlterTable
ALTER TABLE "IdempotencyKey" ADD COLUMN "leaseExpiresAt" DATETIME;

