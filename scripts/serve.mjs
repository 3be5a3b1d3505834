// Runs Next.js, in development or from the production build, on an HTTP server
// of our own, so the app learns the address of each connection: Next itself
// only fills X-Forwarded-For from the socket when the client sent none, and a
// client can send anything. Every start path goes through here (npm run dev,
// npm start, the browser and integration test servers, the benchmarks).
//
//   node scripts/serve.mjs dev|start [-p PORT] [-H HOSTNAME]
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PEER_HEADER } from "../lib/rate-limit/peer-header.mjs";
import { runShutdownHooks } from "../lib/shutdown.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Wraps a Node request handler: the peer header is the socket's address, never the client's copy. */
export function withPeerAddress(handler) {
  return (req, res) => {
    delete req.headers[PEER_HEADER];
    const address = req.socket.remoteAddress;
    if (address) req.headers[PEER_HEADER] = address;
    return handler(req, res);
  };
}

/** Starts Next on `port` and resolves with the listening server and a stop function. */
export async function serve({ dev, port, hostname }) {
  process.env.NODE_ENV = dev ? "development" : "production";
  // After NODE_ENV: Next reads it while loading.
  const { default: next } = await import("next");
  const server = http.createServer();
  const app = next({ dev, dir: ROOT, hostname: hostname ?? "localhost", port, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();
  server.on(
    "request",
    withPeerAddress(async (req, res) => {
      try {
        await handle(req, res);
      } catch (error) {
        console.error(`Failed to handle ${req.method} ${req.url}`, error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      }
    }),
  );
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  // As `next start` does: Next renders a server action's redirect target by fetching it from
  // this origin, which must be this server itself, not what a request's headers make of it.
  const listening = hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "localhost";
  process.env.PORT = String(port);
  process.env.__NEXT_PRIVATE_ORIGIN = `http://${listening.includes(":") ? `[${listening}]` : listening}:${port}`;
  return {
    server,
    async stop() {
      try {
        await new Promise((resolve) => {
          server.close(resolve);
          server.closeIdleConnections();
        });
        await app.close();
      } finally {
        // After the last request: what the app still holds in memory (audit rows, usage counts) is written.
        await runShutdownHooks();
      }
    },
  };
}

function option(args, short, long) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === short || args[i] === long) return args[i + 1];
    if (args[i].startsWith(`${long}=`)) return args[i].slice(long.length + 1);
  }
  return undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dev = args[0] !== "start";
  const port = Number(option(args, "-p", "--port") ?? process.env.PORT ?? 3000);
  const hostname = option(args, "-H", "--hostname");
  const { stop } = await serve({ dev, port, hostname });
  console.log(`  ▲ Next.js ${dev ? "development" : "production"} server on port ${port}`);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    // Requests in flight get a moment to finish; a stuck one does not hold the process.
    setTimeout(() => process.exit(0), 5_000).unref();
    void stop().finally(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
