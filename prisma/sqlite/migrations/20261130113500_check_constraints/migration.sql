-- SQLite: the CHECK constraints that PostgreSQL adds in this migration are part of the CREATE TABLE
-- statements of the init migration, because SQLite cannot add a CHECK to an existing table.
-- Prisma's schema language cannot express CHECK and `prisma migrate diff` does not see them; when a
-- future SQLite migration redefines a table (Prisma copies it into a new table), re-add its CHECKs
-- there. tests/integration/constraints.test.ts fails if one goes missing.
SELECT 1;
