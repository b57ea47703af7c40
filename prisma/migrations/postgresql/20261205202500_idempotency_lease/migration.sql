-- AlterTable
ALTER TABLE "IdempotencyKey" ADD COLUMN     "leaseExpiresAt" TIMESTAMP(3);

