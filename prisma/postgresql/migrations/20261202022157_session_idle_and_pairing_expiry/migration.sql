-- AlterTable
ALTER TABLE "PosDevice" ADD COLUMN     "pairingCodeExpiresAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
