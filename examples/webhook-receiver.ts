/**
 * A whole receiver that checks a delivery's signature, as the /docs/mcp page shows it (the README
 * carries a shorter form). It is the customer's program: it reads its secret from its own environment.
 */
export const WEBHOOK_RECEIVER = `// node receiver.mjs  (WEBHOOK_SECRET=whsec_… from Settings → Webhooks)
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const key = Buffer.from(process.env.WEBHOOK_SECRET.slice("whsec_".length), "base64");

function verify(headers, body) {
  const id = headers["webhook-id"], timestamp = headers["webhook-timestamp"];
  if (!id || !timestamp || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = createHmac("sha256", key).update(\`\${id}.\${timestamp}.\${body}\`).digest();
  // One "v1,<base64>" per signing secret, space-separated (two during a rotation).
  return (headers["webhook-signature"] ?? "").split(" ").some((sig) => {
    const given = Buffer.from(sig.slice(3), "base64");
    return sig.startsWith("v1,") && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    if (!verify(req.headers, body)) return res.writeHead(401).end("bad signature");
    const event = JSON.parse(body); // { type, timestamp, data }
    console.log(event.type, event.data.ticket?.number ?? "");
    res.writeHead(204).end();
  });
}).listen(4000);`;
