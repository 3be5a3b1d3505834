// A test-only stand-in for Upstash's REST API in front of a local Redis:
// POST / runs one command, POST /pipeline and /multi-exec run several, each
// answered as {result} or {error}. Stock Redis refuses the `#!lua flags=…`
// line @upstash/ratelimit's scripts start with, so EVAL drops it and
// remembers the script under the hash the client knows it by, as Upstash's
// script cache does: after the first EVAL, EVALSHA is one round trip.
import { createHash } from "node:crypto";
import http from "node:http";
import Redis from "ioredis";

const stripShebang = (script) =>
  typeof script === "string" && script.startsWith("#!") ? script.slice(script.indexOf("\n") + 1) : script;

async function run(redis, scripts, command) {
  const [name, ...args] = command.map((part) => (typeof part === "string" ? part : JSON.stringify(part)));
  let upper = String(name).toUpperCase();
  if (upper === "EVAL") {
    const stripped = stripShebang(args[0]);
    scripts.set(createHash("sha1").update(args[0]).digest("hex"), stripped);
    args[0] = stripped;
  } else if (upper === "EVALSHA") {
    // The hash names the unstripped script; run the stripped one this Redis knows.
    const stripped = scripts.get(String(args[0]).toLowerCase());
    if (!stripped) return { error: "NOSCRIPT No matching script. Please use EVAL." };
    upper = "EVAL";
    args[0] = stripped;
  }
  try {
    return { result: await redis.call(upper, ...args) };
  } catch (error) {
    return { error: error.message };
  }
}

export async function startUpstashRest({ redisUrl, token, port }) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const scripts = new Map();
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", async () => {
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401, { "Content-Type": "application/json" });
        return res.end(JSON.stringify({ error: "Unauthorized" }));
      }
      const parsed = JSON.parse(body || "[]");
      const answer =
        req.url?.startsWith("/pipeline") || req.url?.startsWith("/multi-exec")
          ? await Promise.all(parsed.map((c) => run(redis, scripts, c)))
          : await run(redis, scripts, parsed);
      const failed = !Array.isArray(answer) && answer.error;
      res.writeHead(failed ? 400 : 200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      redis.disconnect();
    },
  };
}
