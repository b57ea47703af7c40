-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timezoneChosenAt" TIMESTAMP(3);


-- Users who set a zone before this column existed: their zone counts as chosen.
UPDATE "User" SET "timezoneChosenAt" = "updatedAt" WHERE "timezone" <> 'UTC';
