// `npm run bench:inbound-mail`: how long a customer's mail takes to become a ticket. On a database of
// its own (a new one on the PostgreSQL server of DATABASE_URL, else the embedded one in memory) it
// starts the production build with its SMTP receiver, then sends `--mails` mails with nodemailer, one
// at a time, and times each from the first byte of the SMTP conversation to the receiver's 250 (which
// it answers once the ticket, its contact, message and events are committed), and for every tenth mail
// on until search_tickets finds it. Beside it, the same tickets opened with create_ticket over MCP
// (the baseline: the same ticket without the mail). Prints p50, p95 and mean of each, and the ratio.
//   --mails <n>  mails (and API tickets), default 100
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import nodemailer from "nodemailer";
import { freePort, startAppServer } from "../tests/support/app-server.mjs";
import { prepareTestDatabase } from "../tests/support/test-database.mjs";
import { benchWorkspaceToken } from "./bench-workspace.mjs";

const { values } = parseArgs({ options: { mails: { type: "string", default: "100" } } });
const MAILS = Number(values.mails);
const DOMAIN = "inbound.bench.localhost";

const db = await prepareTestDatabase();
const smtpPort = await freePort();
const env = {
  DATABASE_URL: db.url,
  DATABASE_POOL_MAX: db.embedded ? "4" : "10",
  SECRET_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
  RATE_LIMITS: "off",
  INBOUND_SMTP_PORT: String(smtpPort),
  INBOUND_MAIL_DOMAIN: DOMAIN,
};
const app = await startAppServer({ databaseUrl: db.url, env });

const stats = (ms) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), mean: ms.reduce((a, b) => a + b, 0) / ms.length };
};
const fmt = ({ p50, p95, mean }) => `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, mean ${mean.toFixed(1)} ms`;

try {
  const token = await benchWorkspaceToken({ ...process.env, ...env });
  for (let i = 0; i < 100 && !app.output().includes("inbound SMTP receiver on"); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const client = new Client({ name: "bench-inbound-mail", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${app.baseUrl}/api/v1/mcp`), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, ignoreTLS: true, pool: false });
  const mailMs = [];
  const searchMs = [];
  for (let i = 0; i < MAILS; i++) {
    const mark = `bench${i}x${randomBytes(4).toString("hex")}`;
    const started = performance.now();
    const info = await transport.sendMail({
      from: `Customer ${i} <customer${i}@customer.bench>`,
      to: `bench@${DOMAIN}`,
      subject: `Printer on fire ${mark}`,
      text: `Hello, the printer is on fire (${mark}).`,
    });
    if (!/^250 /.test(info.response)) throw new Error(`mail ${i}: ${info.response}`);
    mailMs.push(performance.now() - started);
    if (i % 10 === 0) {
      for (;;) {
        const result = await client.callTool({ name: "search_tickets", arguments: { q: mark } });
        if (result.structuredContent?.items?.length) break;
        if (performance.now() - started > 30_000) throw new Error(`mail ${i} was not found in 30 s`);
      }
      searchMs.push(performance.now() - started);
    }
  }
  transport.close();
  const apiMs = [];
  for (let i = 0; i < MAILS; i++) {
    const started = performance.now();
    const result = await client.callTool({
      name: "create_ticket",
      arguments: {
        subject: `Printer on fire ${i}`,
        body: "Hello, the printer is on fire.",
        contact_email: `api${i}@customer.bench`,
      },
    });
    if (result.isError) throw new Error(JSON.stringify(result.content));
    apiMs.push(performance.now() - started);
  }
  await client.close();
  const mail = stats(mailMs);
  const api = stats(apiMs);
  console.log(`database: ${db.embedded ? "embedded" : "PostgreSQL"}, ${MAILS} mails`);
  console.log(`inbound mail to ticket (SMTP start to 250):   ${fmt(mail)}`);
  console.log(`inbound mail until search_tickets finds it:   ${fmt(stats(searchMs))} (every tenth mail)`);
  console.log(`create_ticket over MCP (baseline):            ${fmt(api)}`);
  console.log(`ratio mail / create_ticket (p50):             ${(mail.p50 / api.p50).toFixed(2)}`);
} finally {
  await app.stop();
  await db.stop();
}
