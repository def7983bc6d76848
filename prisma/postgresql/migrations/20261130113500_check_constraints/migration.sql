-- Business rules the database enforces itself (Prisma's schema language cannot express CHECK).
-- Not visible to `prisma migrate diff`; tests/integration/constraints.test.ts proves they hold.
ALTER TABLE "StockLevel" ADD CONSTRAINT "StockLevel_onHand_nonnegative" CHECK ("onHand" >= 0);
ALTER TABLE "StockLevel" ADD CONSTRAINT "StockLevel_reserved_nonnegative" CHECK ("reserved" >= 0);
ALTER TABLE "Product" ADD CONSTRAINT "Product_price_nonnegative" CHECK ("priceWon" >= 0);
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "TransferLine" ADD CONSTRAINT "TransferLine_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "TransferLine" ADD CONSTRAINT "TransferLine_received_nonnegative" CHECK ("receivedQuantity" IS NULL OR "receivedQuantity" >= 0);
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_distinct_locations" CHECK ("fromLocationId" <> "toLocationId");
ALTER TABLE "Sale" ADD CONSTRAINT "Sale_amounts_nonnegative" CHECK ("subtotalWon" >= 0 AND "totalWon" >= 0 AND "discountWon" >= 0 AND "taxableWon" >= 0 AND "vatWon" >= 0 AND "exemptWon" >= 0);
ALTER TABLE "Sale" ADD CONSTRAINT "Sale_total_is_taxable_plus_exempt" CHECK ("totalWon" = "taxableWon" + "exemptWon");
ALTER TABLE "SaleLine" ADD CONSTRAINT "SaleLine_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "SaleLine" ADD CONSTRAINT "SaleLine_amounts_nonnegative" CHECK ("unitPriceWon" >= 0 AND "discountWon" >= 0 AND "lineTotalWon" >= 0);
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_amount_positive" CHECK ("amountWon" > 0);
ALTER TABLE "TenderAllocation" ADD CONSTRAINT "TenderAllocation_amount_nonnegative" CHECK ("amountWon" >= 0);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amount_positive" CHECK ("amountWon" > 0);
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_amount_positive" CHECK ("amountWon" > 0);
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_quantity_positive" CHECK ("quantity" > 0 AND "amountWon" >= 0);
ALTER TABLE "SalesTarget" ADD CONSTRAINT "SalesTarget_amount_positive" CHECK ("amountWon" > 0 AND "year" BETWEEN 2000 AND 2100);
ALTER TABLE "SalesTargetChannel" ADD CONSTRAINT "SalesTargetChannel_amount_nonnegative" CHECK ("amountWon" >= 0);
ALTER TABLE "Event" ADD CONSTRAINT "Event_ends_after_start" CHECK ("endsAt" >= "startsAt");
ALTER TABLE "RegisterSession" ADD CONSTRAINT "RegisterSession_cash_nonnegative" CHECK ("openingCashWon" >= 0);
ALTER TABLE "Settlement" ADD CONSTRAINT "Settlement_amounts_nonnegative" CHECK ("grossWon" >= 0 AND "refundsWon" >= 0 AND "voucherWon" >= 0 AND "feeWon" >= 0);
