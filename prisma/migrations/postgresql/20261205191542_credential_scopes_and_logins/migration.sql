-- AlterTable
ALTER TABLE "RefreshTokenFamily" ADD COLUMN     "loginAt" TIMESTAMP(3),
ADD COLUMN     "loginMethod" TEXT;

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "scopes" TEXT NOT NULL DEFAULT 'read,write';

