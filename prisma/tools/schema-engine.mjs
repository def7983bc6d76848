#!/usr/bin/env node
// Prisma schema engine stand-in: the WebAssembly engine on a driver adapter.
//
// WHY: every Prisma CLI command tries to download a native `schema-engine`
// binary from Prisma's own file host, which networks that only mirror npm
// cannot reach. Prisma publishes the same engine compiled to WebAssembly on npm
// (`@prisma/schema-engine-wasm`); it talks to the database through a JS driver
// adapter instead of its own drivers. This program makes that engine look like
// the native binary, so the unmodified CLI works:
//
//   PRISMA_SCHEMA_ENGINE_BINARY=$PWD/prisma/tools/schema-engine.mjs npx prisma …
//
// How the CLI (prisma 7.10.x, build/cli.js) uses the binary, and so what this speaks:
//   * `<bin> --version`  → prints `schema-engine-cli <git hash>` (prisma --version).
//   * `<bin> --datasource '{"url":…}' cli can-connect-to-database | create-database`
//     one-shot commands; on failure the CLI parses stderr: it DROPS THE FIRST LINE,
//     then every other line must be JSON, and it looks for
//     {level:"ERROR", target:"schema_engine::logger", fields:{error_code, message}}.
//     P1003 from can-connect makes `migrate dev/deploy/reset` call create-database.
//   * `<bin> [--datamodels <file>]… [--datasource <json>] …` JSON-RPC 2.0 server:
//     one JSON request per stdin line, one JSON response per stdout line; the CLI
//     closes stdin when done. stderr lines are JSON log records (shown on crashes).
//     Output meant for the user (the `migrate diff` script) must be sent as a
//     `print` request that the CLI writes to its stdout and acknowledges.
//
// Plain ESM JavaScript on purpose: it must run before anything is built.

import { appendFileSync, existsSync, mkdirSync, readFileSync, truncateSync } from 'node:fs'
import { dirname, resolve as resolvePath } from 'node:path'
import { randomUUID } from 'node:crypto'
import { createInterface } from 'node:readline'
import { inspect } from 'node:util'

// stdout carries JSON-RPC only; a stray console.log from a dependency would
// corrupt the stream, so all console output goes to stderr.
for (const level of ['log', 'info', 'warn', 'debug']) console[level] = console.error

// The CLI hides the engine's stderr, so a debug trace can go to a file instead:
// SCHEMA_ENGINE_SHIM_LOG=/tmp/shim.log npx prisma …
const debugFile = process.env.SCHEMA_ENGINE_SHIM_LOG
const debug = (...args) => {
  if (!debugFile) return
  const text = args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 6, breakLength: 160 }))).join(' ')
  appendFileSync(debugFile, `${new Date().toISOString()} [${process.pid}] ${text}\n`)
}

if (debugFile) process.on('exit', (code) => debug('exit', code))

// ───────────────────────────── command line ─────────────────────────────

function parseArgs(argv) {
  const args = { datamodels: [], datasource: null, subcommand: null, version: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--version' || a === '-V') args.version = true
    else if (a === '--datamodels' || a === '-d') args.datamodels.push(argv[++i])
    else if (a === '--datasource') args.datasource = JSON.parse(argv[++i])
    else if (a === '--enabled-preview-features' || a === '--extension-types') i++ // not used by the wasm engine
    else if (a === 'cli') args.subcommand = argv[++i]
  }
  return args
}

// ───────────────────────────── the wasm engine ─────────────────────────────

let wasmModule
/** Loads @prisma/schema-engine-wasm. Its entry point does `import … from "*.wasm"`,
 *  which Node 20 only allows behind --experimental-wasm-modules, so instantiate
 *  the .wasm by hand next to its wasm-bindgen glue module. */
async function loadWasm() {
  if (wasmModule) return wasmModule
  const glueUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
  const glue = await import(glueUrl)
  const bytes = readFileSync(new URL('./schema_engine_bg.wasm', glueUrl))
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue })
  glue.__wbg_set_wasm(instance.exports)
  instance.exports.__wbindgen_start()
  // The engine's panic hook reports the Rust panic message here; without this
  // object a panic would surface only as "RuntimeError: unreachable".
  globalThis.PRISMA_WASM_PANIC_REGISTRY = { message: null, set_message(m) { this.message = m } }
  wasmModule = glue
  return glue
}

// ───────────────────────────── datasource helpers ─────────────────────────────

/** An error with a Prisma error code (P1003…), reported the way the native engine does. */
class UserError extends Error { constructor(code, message) { super(message); this.code = code } }

/** 'sqlite' | 'postgres' | null, from a connection URL. */
function providerOfUrl(url) {
  if (typeof url !== 'string') return null
  if (/^file:/i.test(url)) return 'sqlite'
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres'
  return null
}

/** 'sqlite' | 'postgres' | null, from Prisma schema text or a migration_lock.toml. */
function providerOfText(text) {
  const m = /provider\s*=\s*"(sqlite|postgresql|postgres)"/.exec(datasourceBlock(text ?? ''))
  if (!m) return null
  return m[1] === 'sqlite' ? 'sqlite' : 'postgres'
}
// The generator block also has `provider = "…"`; only the datasource block counts
// (a migration_lock.toml has no block: then the whole text, comments removed).
function datasourceBlock(text) {
  const ds = /datasource\s+\w+\s*\{[^}]*\}/.exec(text.replace(/\/\/.*$/gm, ''))
  return ds ? ds[0] : text.replace(/\/\/.*$/gm, '')
}

/** Absolute file path for a SQLite `file:` URL. Relative paths are resolved
 *  against the working directory the CLI gives the engine, like the native engine. */
function sqlitePath(url) {
  const p = url.replace(/^file:/i, '').replace(/\?.*$/, '')
  if (p === ':memory:') return p
  return resolvePath(process.cwd(), p)
}

function pgDescribe(url) {
  try {
    const u = new URL(url)
    return { host: u.hostname || 'localhost', port: u.port || '5432', database: decodeURIComponent(u.pathname.replace(/^\//, '')) || u.username || 'postgres', schema: u.searchParams.get('schema') || undefined }
  } catch { return { host: '?', port: '?', database: '?' } }
}

// ───────────────────────────── driver adapters ─────────────────────────────

/** PostgreSQL types that adapter-pg cannot map (it throws UnsupportedNativeDataType,
 *  which the engine reports as "Column type 'char' could not be deserialized").
 *
 *  The engine's catalog queries (pg_constraint.contype, pg_class.relkind,
 *  pg_attribute.attidentity, …) return the one-byte `"char"` type. The native engine
 *  reads it as a Rust `char` (quaint's Value::Char) and the describer calls
 *  `get_char(…).unwrap()` on it, so `"char"` must reach the engine as the adapter
 *  column type `Character`: handed over as Text it PANICS the wasm engine as soon as
 *  such a query returns a row (e.g. a CHECK constraint in the shadow database:
 *  "Getting constraint_type from Resultrow … as char failed"). The other types are
 *  read as strings by the engine and are handed over as text. */
const PG_CHAR_OID = 18 // "char"
const PG_AS_TEXT_OIDS = new Set([
  22, // int2vector
  24, // regproc
  30, // oidvector
  194, // pg_node_tree
  2205, // regclass
  2206, // regtype
  3734, // regconfig
])
const PG_TEXT_OID = 25

/** Which result columns of a query were `"char"` (per query object: queries run concurrently). */
const charColumnsOf = new WeakMap()

/** Makes a live adapter-pg adapter (or transaction) work for the schema engine. */
function fixPgQueryable(q, ColumnTypeEnum) {
  const performIO = q.performIO.bind(q)
  q.performIO = async (query) => {
    const result = await performIO(query)
    const charColumns = []
    for (let i = 0; i < (result?.fields?.length ?? 0); i++) {
      const f = result.fields[i]
      const isChar = f.dataTypeID === PG_CHAR_OID
      if (!isChar && !PG_AS_TEXT_OIDS.has(f.dataTypeID)) continue
      if (isChar) charColumns.push(i)
      // Text for adapter-pg's type mapping; `"char"` columns are retyped below.
      f.dataTypeID = PG_TEXT_OID
      for (const row of result.rows) if (row[i] != null && typeof row[i] !== 'string') row[i] = String(row[i])
    }
    if (charColumns.length && query && typeof query === 'object') charColumnsOf.set(query, charColumns)
    return result
  }
  const queryRaw = q.queryRaw.bind(q)
  q.queryRaw = async (query) => {
    const result = await queryRaw(query)
    const charColumns = charColumnsOf.get(query)
    if (charColumns) {
      charColumnsOf.delete(query)
      for (const i of charColumns) result.columnTypes[i] = ColumnTypeEnum.Character
      // pg gives "" for the NUL "char" (attidentity of a plain column, …); the
      // native engine sees it as '\0', and the engine wants exactly one character.
      for (const row of result.rows) for (const i of charColumns) if (row[i] === '') row[i] = '\0'
    }
    return result
  }
  return q
}

function fixPgAdapter(adapter, ColumnTypeEnum) {
  fixPgQueryable(adapter, ColumnTypeEnum)
  const startTransaction = adapter.startTransaction.bind(adapter)
  adapter.startTransaction = async (...args) => fixPgQueryable(await startTransaction(...args), ColumnTypeEnum)
  // adapter-pg's executeScript splits the script on ";" and runs the pieces one by
  // one on random pool connections: that breaks on a ";" inside a string or a
  // function body and is not atomic. PostgreSQL's simple query protocol takes the
  // whole multi-statement script at once (as one implicit transaction), which is
  // what the native engine does.
  const pool = adapter.underlyingDriver()
  adapter.executeScript = async (script) => {
    try { await pool.query(script) } catch (e) { adapter.onError(e) }
  }
  return adapter
}

/** Set when the engine looked for `_prisma_migrations` and it was not there. */
const migrationsTable = { missing: false }

/** SQLite DDL of the native engine's migrations table (create_migrations_table). */
const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`

function fixSqliteAdapter(adapter, ColumnTypeEnum) {
  // The SQLite flavour recognises "no migrations table yet" only from rusqlite's
  // native error code, so through an adapter the missing table becomes P1014 and
  // `migrate dev/status/deploy` fail on a fresh database. Answering that one query
  // with an empty history is what the native engine concludes from the error; the
  // rest (apply: create the table, or P3005 if the database is not empty) is
  // unchanged, because those paths list the tables instead of reading this one.
  const queryRaw = adapter.queryRaw.bind(adapter)
  adapter.queryRaw = async (query) => {
    try {
      return await queryRaw(query)
    } catch (e) {
      if (e?.cause?.kind === 'TableDoesNotExist' && /FROM\s+[`"]?_prisma_migrations[`"]?\s/i.test(query.sql)) {
        migrationsTable.missing = true
        const T = ColumnTypeEnum
        return {
          columnNames: ['id', 'checksum', 'finished_at', 'migration_name', 'logs', 'rolled_back_at', 'started_at', 'applied_steps_count'],
          columnTypes: [T.Text, T.Text, T.DateTime, T.Text, T.Text, T.DateTime, T.DateTime, T.Int64],
          rows: [],
        }
      }
      throw e
    }
  }

  // better-sqlite3's prepare() rejects strings holding more than one statement,
  // but the engine sends whole scripts through executeRaw in places; such calls
  // (they never carry parameters) go through executeScript (db.exec) instead.
  const executeRaw = adapter.executeRaw.bind(adapter)
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query)
    } catch (e) {
      const msg = `${e?.message ?? ''} ${e?.cause?.message ?? ''} ${JSON.stringify(e?.cause ?? '')}`
      if (query.args.length === 0 && /more than one statement/i.test(msg)) {
        await adapter.executeScript(query.sql)
        return 0
      }
      throw e
    }
  }
  return adapter
}

/** The live connection to the configured database, once the engine opened it. */
let mainAdapter = null

/** Dispose once only: the engine and our shutdown may both dispose an adapter. */
const liveAdapters = new Set()
function track(adapter) {
  if (debugFile) {
    for (const m of ['queryRaw', 'executeRaw', 'executeScript']) {
      const fn = adapter[m].bind(adapter)
      adapter[m] = async (q) => {
        debug(`  ${m}`, (typeof q === 'string' ? q : q.sql).slice(0, 300))
        try { return await fn(q) } catch (e) { debug(`  ${m} failed:`, e?.cause ?? e?.message); throw e }
      }
    }
  }
  const dispose = adapter.dispose.bind(adapter)
  let done
  adapter.dispose = () => (done ??= (liveAdapters.delete(adapter), dispose()))
  liveAdapters.add(adapter)
  return adapter
}

/** A PostgreSQL "connection" for work that needs no database (schema-to-schema
 *  diffs): the engine only asks, on start, whether the schema exists and which
 *  server version it talks to. Anything else is an error that says why. */
async function offlinePgAdapter(ColumnTypeEnum, schemaName = 'public') {
  const refuse = async () => { throw new Error('This engine session has no database connection (schema-to-schema diff); the command needs a datasource URL.') }
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    async queryRaw(query) {
      if (/version\(\)/.test(query.sql) && /pg_namespace/.test(query.sql)) {
        return {
          columnNames: ['exists', 'version', 'numeric_version'],
          columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
          // Claims PostgreSQL 15 (what this project runs); the version only
          // matters for features the project does not use.
          rows: [[true, 'PostgreSQL 15.0 (no connection: schema engine shim offline mode)', 150000]],
        }
      }
      return refuse()
    },
    executeRaw: refuse,
    executeScript: refuse,
    startTransaction: refuse,
    getConnectionInfo: () => ({ schemaName, supportsRelationJoins: true }),
    dispose: async () => {},
  }
}

/** A configured shadow database starts empty: the native engine resets it before
 *  replaying the migrations; the wasm engine does not (the second run would fail
 *  with "type … already exists"). */
async function resetPgSchema(adapter, schema) {
  const quoted = `"${schema.replaceAll('"', '""')}"`
  await adapter.executeScript(`DROP SCHEMA IF EXISTS ${quoted} CASCADE; CREATE SCHEMA ${quoted};`)
}

function sameDatabase(a, b) {
  const x = pgDescribe(a), y = pgDescribe(b)
  const local = (h) => (h === 'localhost' || h === '::1' ? '127.0.0.1' : h)
  return local(x.host) === local(y.host) && x.port === y.port && x.database === y.database && (x.schema ?? 'public') === (y.schema ?? 'public')
}

/** Builds the migration-aware adapter factory the wasm engine wants.
 *  online=false: the command needs no live database (only a shadow one, if any). */
async function makeAdapterFactory({ provider, url, shadowDatabaseUrl, online }) {
  const { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } = await import('@prisma/driver-adapter-utils')
  let factory
  if (provider === 'sqlite') {
    const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3')
    // Offline work uses an in-memory database so that a plain diff never creates a file.
    const main = online && url ? sqlitePath(url) : ':memory:'
    const shadow = shadowDatabaseUrl ? sqlitePath(shadowDatabaseUrl) : ':memory:'
    if (main !== ':memory:') mkdirSync(dirname(main), { recursive: true })
    const inner = new PrismaBetterSqlite3({ url: main }, { shadowDatabaseUrl: shadow })
    factory = {
      provider: inner.provider,
      adapterName: inner.adapterName,
      connect: async () => (mainAdapter = track(fixSqliteAdapter(await inner.connect(), ColumnTypeEnum))),
      connectToShadowDb: async () => track(fixSqliteAdapter(await inner.connectToShadowDb(), ColumnTypeEnum)),
    }
  } else if (provider === 'postgres') {
    const { PrismaPg } = await import('@prisma/adapter-pg')
    const pgFactory = (connectionString) => new PrismaPg({ connectionString }, { schema: pgDescribe(connectionString).schema })
    const inner = online && url ? pgFactory(url) : null
    factory = {
      provider: 'postgres',
      adapterName: '@prisma/adapter-pg',
      connect: async () => (inner ? track(fixPgAdapter(await inner.connect(), ColumnTypeEnum)) : offlinePgAdapter(ColumnTypeEnum)),
      connectToShadowDb: async () => {
        // A configured shadow database is used as is (the engine empties it first);
        // otherwise adapter-pg creates a throwaway database through the main
        // connection and drops it on dispose, like the native engine.
        if (shadowDatabaseUrl) {
          if (url && sameDatabase(url, shadowDatabaseUrl)) {
            throw new Error('The shadow database you configured appears to be the same as the main database. Please specify another shadow database.')
          }
          const shadow = track(fixPgAdapter(await pgFactory(shadowDatabaseUrl).connect(), ColumnTypeEnum))
          await resetPgSchema(shadow, pgDescribe(shadowDatabaseUrl).schema ?? 'public')
          return shadow
        }
        if (!url) throw new Error('A shadow database is needed: set datasource.shadowDatabaseUrl (or datasource.url) in the Prisma config.')
        // Not adapter-pg's connectToShadowDb: it passes { connectionString, database }
        // to pg, where the connection string wins, so its "shadow" pool is the MAIN
        // database and the migrations would be replayed there.
        const name = `prisma_migrate_shadow_db_${randomUUID()}`
        await pgAdmin(url, `CREATE DATABASE "${name}"`)
        debug('created shadow database', name)
        const shadowUrl = new URL(url)
        shadowUrl.pathname = `/${name}`
        const shadow = fixPgAdapter(await pgFactory(shadowUrl.toString()).connect(), ColumnTypeEnum)
        const dispose = shadow.dispose.bind(shadow)
        shadow.dispose = async () => {
          // WITH (FORCE): a connection the pool has not closed yet must not make the
          // drop fail and leave the database behind (PostgreSQL 13+).
          try { await dispose() } finally {
            await pgAdmin(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
            debug('dropped shadow database', name)
          }
        }
        return track(shadow)
      },
    }
  } else {
    throw new Error(`Unsupported datasource: only SQLite (file:) and PostgreSQL (postgresql://) work with the wasm schema engine shim. Got ${url ? `"${url.replace(/\/\/[^@]*@/, '//…@')}"` : 'no URL'}.`)
  }
  return bindMigrationAwareSqlAdapterFactory(factory)
}

// ───────────────────────────── errors ─────────────────────────────

/** The wasm engine appends a tracing span trace ("   0: schema_engine_wasm::…");
 *  the native engine's user-facing messages do not have it. */
function cleanMessage(message) {
  return String(message ?? '').replace(/\n\s+0: [\w:]+::[\s\S]*$/, '').trimEnd()
}

/** Native engine JSON-RPC error shape, which the CLI turns into P-code errors. */
function toRpcError(e, errorRegistry) {
  if (e instanceof WebAssembly.RuntimeError) {
    const message = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message ?? e.message
    return { code: 4466, message, data: { is_panic: true, message, backtrace: e.stack ?? null } }
  }
  // A JS error thrown inside a driver adapter reaches the engine only as an id
  // ("External error id#0"); put the original message back.
  let message = cleanMessage(e?.message ?? e)
  message = message.replace(/External error id#(\d+)/g, (all, id) => {
    const original = errorRegistry?.consumeError?.(Number(id))?.error
    return original ? cleanMessage(original.message ?? original) : all
  })
  const code = typeof e?.code === 'string' && /^P\d{4}$/.test(e.code) ? e.code : undefined
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: false, message, meta: e?.meta ?? {}, ...(code ? { error_code: code } : {}) },
  }
}

/** A log record in the native engine's format. */
function logLine(level, message, extra = {}) {
  return JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: 'schema_engine::logger' })
}

// ───────────────────────────── one-shot `cli` commands ─────────────────────────────

async function pgConnect(url) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url })
  // An 'error' event without a listener (the server ends the session: the database
  // is dropped by someone else, a restart, …) would crash the process.
  client.on('error', (e) => debug('pg client error:', e?.message ?? e))
  try {
    await client.connect()
    return client
  } catch (e) {
    const d = pgDescribe(url)
    if (e.code === '3D000') throw new UserError('P1003', `Database \`${d.database}\` does not exist on the database server at \`${d.host}:${d.port}\`.`)
    if (e.code === '28P01' || e.code === '28000') throw new UserError('P1000', `Authentication failed against database server, the provided database credentials for \`${pgDescribe(url).host}\` are not valid.`)
    throw new UserError('P1001', `Can't reach database server at \`${d.host}:${d.port}\`\n\nPlease make sure your database server is running at \`${d.host}:${d.port}\`.`)
  }
}

/** Runs one statement on a separate connection (CREATE/DROP DATABASE cannot run
 *  inside the database concerned, nor in a transaction). */
async function pgAdmin(url, sql) {
  const client = await pgConnect(url)
  try { await client.query(sql) } finally { await client.end() }
}

async function runCliCommand(command, datasource) {
  const url = datasource?.url
  const provider = providerOfUrl(url)
  if (!provider) throw new UserError('P1013', `The provided database string is invalid or unsupported by the wasm schema engine shim.`)
  switch (command) {
    case 'can-connect-to-database': {
      if (provider === 'sqlite') {
        const path = sqlitePath(url)
        if (path !== ':memory:' && !existsSync(path)) throw new UserError('P1003', `Database ${path.split('/').pop()} does not exist at ${path}`)
        return
      }
      await (await pgConnect(url)).end()
      return
    }
    case 'create-database': {
      if (provider === 'sqlite') {
        const path = sqlitePath(url)
        mkdirSync(dirname(path), { recursive: true })
        const { default: Database } = await import('better-sqlite3')
        new Database(path).close() // opening creates the file
        return
      }
      const { database } = pgDescribe(url)
      const admin = new URL(url)
      admin.pathname = '/postgres'
      const client = await pgConnect(admin.toString())
      try {
        await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`)
      } catch (e) {
        if (e.code === '42P04') throw new UserError('P1009', `Database \`${database}\` already exists on the database server`)
        throw e
      } finally { await client.end() }
      return
    }
    case 'drop-database': {
      if (provider === 'sqlite') {
        const { rmSync } = await import('node:fs')
        rmSync(sqlitePath(url), { force: true })
        return
      }
      const { database } = pgDescribe(url)
      const admin = new URL(url)
      admin.pathname = '/postgres'
      const client = await pgConnect(admin.toString())
      try { await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}"`) } finally { await client.end() }
      return
    }
    default:
      throw new UserError('P1000', `Unknown schema engine cli command: ${command}`)
  }
}

/** `migrate reset` on SQLite. The wasm SQLite connector's reset only DELETEs the
 *  rows (it was written for Cloudflare D1), so the migrations that follow fail with
 *  "table … already exists". The native engine truncates the database file to zero
 *  bytes (SQLite then sees an empty database); so do we. Dropping the tables instead
 *  is not enough: `sqlite_sequence` cannot be dropped and would make the engine
 *  report the database as not empty (P3005). */
async function resetSqlite(adapter, path) {
  const q = (sql) => adapter.queryRaw({ sql, args: [], argTypes: [] })
  if (path === ':memory:') throw new Error('Cannot reset an in-memory SQLite database.')
  // Leave WAL mode first: a -wal file next to a truncated database would be
  // replayed into it. (The app switches WAL back on when it opens the database.)
  await q('PRAGMA journal_mode=DELETE')
  truncateSync(path, 0)
  const { rows } = await q('SELECT count(*) FROM sqlite_master')
  if (Number(rows[0][0]) !== 0) throw new Error(`Resetting ${path} failed: the database still has objects.`)
  return {}
}

// ───────────────────────────── JSON-RPC server ─────────────────────────────

/** Does this request need the configured database itself? Schema-to-schema diffs
 *  need none, and diffs from a migrations folder only a shadow database — except on
 *  PostgreSQL without a configured shadow database, where the throwaway one is
 *  created through the main connection. */
function needsLiveDatabase(method, params, provider, shadowDatabaseUrl) {
  if (method === 'debugPanic') return false
  if (method !== 'diff') return true
  const live = (t) => t?.tag === 'schemaDatasource' || t?.tag === 'url' ||
    (t?.tag === 'migrations' && provider === 'postgres' && !shadowDatabaseUrl)
  return live(params?.from) || live(params?.to)
}

/** Provider for this session: the config's URL wins; for diffs without one, the
 *  schemas / migration lock file in the request tell; then --datamodels. */
function providerFor(args, params) {
  const fromRequest = []
  for (const t of [params?.from, params?.to]) {
    if (!t) continue
    for (const f of t.files ?? []) fromRequest.push(providerOfText(f.content))
    if (t.tag === 'migrations') fromRequest.push(providerOfText(t.lockfile?.content))
    if (t.tag === 'url') fromRequest.push(providerOfUrl(t.url))
  }
  for (const f of params?.schema?.files ?? []) fromRequest.push(providerOfText(f.content))
  const requested = fromRequest.find(Boolean)
  if (requested && params?.from) return requested // a diff's own inputs decide its dialect
  return providerOfUrl(args.datasource?.url) ?? requested ??
    args.datamodels.map((p) => { try { return providerOfText(readFileSync(p, 'utf8')) } catch { return null } }).find(Boolean) ?? null
}

async function serve(args) {
  const out = (msg) => { debug('←', JSON.stringify(msg).slice(0, 300)); process.stdout.write(JSON.stringify(msg) + '\n') }
  const log = (l) => process.stderr.write(l.endsWith('\n') ? l : l + '\n')

  let session = null // { engine, factory, online, provider }
  async function engineFor(method, params) {
    const provider = providerFor(args, params)
    const online = needsLiveDatabase(method, params, provider, args.datasource?.shadowDatabaseUrl)
    if (session && (session.online || !online)) return session
    const url = args.datasource?.url
    if (online && !url) throw new Error('This command needs a datasource URL: set datasource.url in the Prisma config file.')
    if (session) { try { session.engine.free() } catch {} }
    const wasm = await loadWasm()
    // Work that touches no database and names no provider (debugPanic) runs on in-memory SQLite.
    const factory = await makeAdapterFactory({ provider: provider ?? (online ? null : 'sqlite'), url, shadowDatabaseUrl: args.datasource?.shadowDatabaseUrl, online })
    const datamodels = args.datamodels.length ? args.datamodels.map((p) => [p, readFileSync(p, 'utf8')]) : undefined
    debug('engine start', { method, provider, online, cwd: process.cwd() })
    const engine = await wasm.SchemaEngine.new({ datamodels }, log, factory)
    session = { engine, factory, online, provider }
    return session
  }

  // CLI method name → wasm method name, where they differ.
  const methodNames = { getDatabaseVersion: 'version' }
  let printId = 0

  async function handle(method, params) {
    if (method === 'createDatabase') {
      const url = params?.datasource?.url ?? args.datasource?.url
      await runCliCommand('create-database', { url })
      const p = providerOfUrl(url)
      return { databaseName: p === 'sqlite' ? sqlitePath(url).split('/').pop() : pgDescribe(url).database }
    }
    const { engine } = await engineFor(method, params)
    const name = methodNames[method] ?? method
    if (typeof engine[name] !== 'function') throw new Error(`The wasm schema engine does not implement \`${method}\`.`)
    if (method === 'reset' && session.provider === 'sqlite') return resetSqlite(mainAdapter, sqlitePath(args.datasource.url))
    if (method === 'markMigrationApplied' && session.provider === 'sqlite' && session.online) {
      // Native: list_migrations → "not initialized" → baseline_initialize (create the
      // table). With the empty answer above the engine would skip that step.
      await mainAdapter.executeScript(SQLITE_MIGRATIONS_TABLE)
    }
    migrationsTable.missing = false
    const result = await engine[name](params)
    if (method === 'diagnoseMigrationHistory' && migrationsTable.missing) result.hasMigrationsTable = false
    if (method === 'diff') {
      // The wasm engine returns the script; the native one prints it through the
      // CLI, which appends one "\n". Trailing newlines are trimmed so that
      // `migrate diff … --script > migration.sql` is byte-identical to the file
      // `migrate dev` writes for the same change.
      if (result?.stdout) out({ jsonrpc: '2.0', id: `print-${++printId}`, method: 'print', params: { content: result.stdout.replace(/\n+$/, '') } })
      return { exitCode: result.exitCode }
    }
    return result ?? {}
  }

  // Requests run one at a time: the engine's methods take `&mut self`.
  let queue = Promise.resolve()
  let panicked = false
  let exitCode = 0
  // A panic of the wasm engine inside one of its async tasks (e.g. a query result it
  // cannot read) is thrown from a microtask, not through the promise of the running
  // method, so Node would print it, exit 1 and leave the request unanswered (and the
  // throwaway shadow database behind). The CLI then says only "Error in Schema
  // engine: <last log line>", or, racing its own shutdown (its stop() waits on an
  // unref'd timer for an 'exit' that has already happened), exits 0 as if the
  // command had succeeded. So the running request fails with the panic, as with
  // the native engine (JSON-RPC error with is_panic), and the process closes its
  // connections and exits 101 when the CLI is done.
  let failRunning = null
  process.on('uncaughtException', (e, origin) => {
    debug(`${origin}:`, e?.stack ?? e, 'panic message:', globalThis.PRISMA_WASM_PANIC_REGISTRY?.message)
    if (failRunning) return failRunning(e)
    const error = toRpcError(e, session?.factory?.errorRegistry)
    log(logLine('ERROR', error.data.message))
    if (error.data.is_panic) panicked = true
    exitCode = panicked ? 101 : 1
    shutdown(origin)
  })
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity })
  rl.on('line', (line) => {
    if (!line.trim()) return
    let msg
    try { msg = JSON.parse(line) } catch { log(logLine('ERROR', `Invalid JSON-RPC line: ${line.slice(0, 200)}`)); return }
    if (!msg.method) return // the CLI's acknowledgement of a `print` request
    queue = queue.then(async () => {
      debug('→', msg.method, JSON.stringify(msg.params ?? {}).slice(0, 500))
      if (panicked) {
        const message = `The schema engine panicked earlier in this session: ${globalThis.PRISMA_WASM_PANIC_REGISTRY?.message ?? 'unknown panic'}`
        out({ jsonrpc: '2.0', id: msg.id, error: { code: 4466, message, data: { is_panic: true, message, backtrace: null } } })
        return
      }
      try {
        const result = await new Promise((resolve, reject) => {
          failRunning = reject
          handle(msg.method, msg.params).then(resolve, reject)
        }).finally(() => { failRunning = null })
        out({ jsonrpc: '2.0', id: msg.id, result })
      } catch (e) {
        debug('✗', msg.method, e)
        const error = toRpcError(e, session?.factory?.errorRegistry)
        if (error.data.is_panic) { panicked = true; exitCode = 101 }
        log(logLine('ERROR', error.data.message, error.data.error_code ? { error_code: error.data.error_code } : {}))
        out({ jsonrpc: '2.0', id: msg.id, error })
      }
    })
  })
  // The CLI ends stdin and, on Linux, sends SIGTERM at the same moment; close the
  // connections either way (better-sqlite3 closes synchronously, so its journal is
  // cleaned up; pg pools and throwaway shadow databases get their chance too).
  let stopping = null
  const shutdown = (why) => (stopping ??= queue.then(async () => {
    try { session?.engine.free() } catch {}
    const closed = await Promise.allSettled([...liveAdapters].map((a) => a.dispose()))
    debug('shutdown', why, closed.map((r) => r.status))
    process.exit(exitCode)
  }))
  rl.on('close', () => shutdown('stdin closed'))
  // The CLI went away (EPIPE): nobody reads the answers any more, just clean up.
  process.stdout.on('error', (e) => { debug('stdout error', e.code ?? e); shutdown(`stdout ${e.code ?? 'error'}`) })
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

// ───────────────────────────── main ─────────────────────────────

const args = parseArgs(process.argv.slice(2))
if (args.version) {
  const wasm = await loadWasm()
  process.stdout.write(`schema-engine-cli ${wasm.version()}\n`)
} else if (args.subcommand) {
  try {
    await runCliCommand(args.subcommand, args.datasource)
    process.exit(0)
  } catch (e) {
    // The CLI drops the first stderr line and JSON-parses the rest.
    process.stderr.write(logLine('INFO', `schema engine shim: cli ${args.subcommand}`) + '\n')
    process.stderr.write(logLine('ERROR', cleanMessage(e.message), e.code ? { error_code: e.code } : {}) + '\n')
    process.exit(1)
  }
} else {
  await serve(args)
}
