-- Reserved stock never exceeds stock on hand (0 <= reserved <= onHand): a sale, transfer or
-- adjustment can only take AVAILABLE units, and the database itself refuses anything else.
ALTER TABLE "StockLevel" ADD CONSTRAINT "StockLevel_reserved_within_on_hand" CHECK ("reserved" <= "onHand");
