-- AlterTable
ALTER TABLE "Reservation" ADD COLUMN     "checkoutId" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "StockMovement" ADD COLUMN     "resolution" TEXT,
ADD COLUMN     "resolvedById" INTEGER,
ADD COLUMN     "shortfall" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Reservation_checkoutId_idx" ON "Reservation"("checkoutId");

ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_shortfall_nonnegative" CHECK ("shortfall" >= 0);
