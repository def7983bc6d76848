-- AlterTable
-- Written as ADD COLUMN rather than Prisma's table rebuild: rebuilding "User" drops it inside the
-- migration transaction, and with foreign keys on that cascades to every Session (all signed out).
ALTER TABLE "User" ADD COLUMN "pinFailures" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "User" ADD COLUMN "pinLockedAt" DATETIME;
