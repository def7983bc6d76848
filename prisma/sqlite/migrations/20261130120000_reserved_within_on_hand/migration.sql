-- Reserved stock never exceeds stock on hand (0 <= reserved <= onHand): a sale, transfer or
-- adjustment can only take AVAILABLE units, and the database itself refuses anything else.
-- SQLite cannot add a CHECK to an existing table, so StockLevel is redefined (docs/decisions/0002).
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StockLevel" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "productId" INTEGER NOT NULL,
    "locationId" INTEGER NOT NULL,
    "onHand" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StockLevel_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StockLevel_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StockLevel_onHand_nonnegative" CHECK ("onHand" >= 0),
    CONSTRAINT "StockLevel_reserved_nonnegative" CHECK ("reserved" >= 0),
    CONSTRAINT "StockLevel_reserved_within_on_hand" CHECK ("reserved" <= "onHand")
);
INSERT INTO "new_StockLevel" ("id", "productId", "locationId", "onHand", "reserved", "updatedAt")
SELECT "id", "productId", "locationId", "onHand", "reserved", "updatedAt" FROM "StockLevel";
DROP TABLE "StockLevel";
ALTER TABLE "new_StockLevel" RENAME TO "StockLevel";
CREATE INDEX "StockLevel_locationId_idx" ON "StockLevel"("locationId");
CREATE UNIQUE INDEX "StockLevel_productId_locationId_key" ON "StockLevel"("productId", "locationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
