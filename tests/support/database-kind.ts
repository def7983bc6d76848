// Which database the integration tests run on: SQLite by default, PostgreSQL when
// TEST_DATABASE_URL names a server (each run then works in its own throwaway databases).
export const TEST_PG_URL = process.env.TEST_DATABASE_URL
export const testDatabaseKind: 'sqlite' | 'postgresql' = TEST_PG_URL ? 'postgresql' : 'sqlite'
/** Tests build data around a fixed day so figures do not depend on the calendar. */
export const TEST_TODAY = '2026-11-30'
