// The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) kept in a
// data folder and served on a loopback port, so the app, the CLI and the tests
// talk to it over the same wire protocol and driver adapter as a real server.
//
// PGlite is one backend session. scripts/embedded-db-session.mjs shares it
// between connections so that each behaves as if it had a session of its own;
// this file frames each connection's messages into protocol cycles (up to a
// Sync or a simple Query) for it.
import { mkdirSync } from "node:fs";
import { connect, createServer } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { createSharedBackend, logError } from "./embedded-db-session.mjs";

export const DEFAULT_EMBEDDED_PORT = 54329;

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
// Messages that end a protocol cycle: Sync, simple Query, Flush, CopyDone, CopyFail, FunctionCall.
const CYCLE_END = new Set(["S", "Q", "H", "c", "f", "F"]);

function serveConnection(socket, backend) {
  let buffer = Buffer.alloc(0);
  let started = false;
  let batch = [];
  let chain = Promise.resolve();
  let closed = false;
  const session = backend.connect((data) => {
    if (!closed && socket.writable) socket.write(data);
  });

  const enqueue = (step) => {
    chain = chain
      .then(() => (closed ? undefined : step()))
      .catch((error) => {
        logError("a connection failed and was closed", error);
        socket.destroy();
      });
  };

  socket.setNoDelay(true);
  socket.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        const code = buffer.readInt32BE(4);
        if (buffer.length < length) return;
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          socket.write("N");
          continue;
        }
        if (code === CANCEL_REQUEST) {
          socket.end();
          return;
        }
        started = true;
        enqueue(() => session.startup(message));
        continue;
      }
      if (buffer.length < 5) return;
      const type = String.fromCharCode(buffer[0]);
      const length = buffer.readInt32BE(1) + 1;
      if (buffer.length < length) return;
      const message = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      if (type === "X") {
        socket.end();
        return;
      }
      batch.push(message);
      if (CYCLE_END.has(type)) {
        const cycle = batch;
        batch = [];
        enqueue(() => session.cycle(cycle));
      }
    }
  });
  const close = () => {
    if (closed) return;
    closed = true;
    chain = chain.then(() => session.close()).catch((error) => logError("cleaning up after a connection", error));
  };
  socket.on("close", close);
  socket.on("error", (error) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") logError("connection error", error);
    close();
  });
}

/**
 * Opens (or creates) the embedded database in `dataDir` and serves it on
 * 127.0.0.1:`port` (0 picks a free port). No `dataDir` keeps it in memory.
 */
export async function startEmbeddedPostgres({ dataDir, port = DEFAULT_EMBEDDED_PORT } = {}) {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? `file://${dataDir}` : undefined, { extensions: { pg_trgm, btree_gin } });
  const backend = await createSharedBackend(db);
  const sockets = new Set();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    serveConnection(socket, backend);
  });
  try {
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", resolve);
    });
  } catch (error) {
    await db.close();
    if (error && error.code === "EADDRINUSE") {
      throw new Error(
        `Port ${port} is in use: another Deskbridge dev server may be running. Stop it or set EMBEDDED_DB_PORT.`,
      );
    }
    throw error;
  }
  const actualPort = server.address().port;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${actualPort}/postgres?sslmode=disable`,
    port: actualPort,
    async stop() {
      backend.stop();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

/**
 * The URL of the embedded database a running dev server serves on this machine
 * (EMBEDDED_DB_PORT, or the default port), or null when none answers there.
 */
export async function runningEmbeddedUrl() {
  const port = Number(process.env.EMBEDDED_DB_PORT ?? DEFAULT_EMBEDDED_PORT);
  const open = await new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
  return open ? `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable` : null;
}
