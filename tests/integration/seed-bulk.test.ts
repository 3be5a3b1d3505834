// The set-based seed for benchmark volumes: the same rows for the same size, every
// index and foreign key of the migrated schema back after the load.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { prepareTestDatabase } from "../support/test-database.mjs";

const run = promisify(execFile);

/** Runs the seed as `npm run db:seed` does: tsx with the server-only condition. */
function seed(url: string, args: string[]) {
  return run(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts", ...args], {
    env: { ...process.env, DATABASE_URL: url, DATABASE_POOL_MAX: "2" },
  });
}

type Db = Awaited<ReturnType<typeof prepareTestDatabase>>;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const SCHEMA = `
  SELECT (SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public') AS indexes,
         (SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), E'\\n' ORDER BY conname)
            FROM pg_constraint WHERE contype = 'f' AND convalidated
             AND connamespace = 'public'::regnamespace) AS foreign_keys`;

const FINGERPRINT = `
  SELECT (SELECT md5(string_agg(concat_ws('|', t.number, t.subject, t.status, t.priority, t.channel, a.email, c.email,
                                          t."createdAt", t."resolvedAt"), ',' ORDER BY t.number))
            FROM "Ticket" t JOIN "Workspace" w ON w.id = t."workspaceId" AND w.slug = 'acme'
            LEFT JOIN "User" a ON a.id = t."assigneeId" LEFT JOIN "Contact" c ON c.id = t."contactId") AS tickets,
         (SELECT md5(string_agg(concat_ws('|', m.id, m.kind, m."authorType", m.body), ',' ORDER BY m.id))
            FROM "Message" m) AS messages,
         (SELECT md5(string_agg(concat_ws('|', tt."ticketId", g.name), ',' ORDER BY tt."ticketId", g.name))
            FROM "TicketTag" tt JOIN "Tag" g ON g.id = tt."tagId") AS tags`;

/** A fresh embedded database (PGlite serves a single database, so the suite's own server cannot host these). */
async function embeddedDatabase(): Promise<Db> {
  const serverUrl = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    return await prepareTestDatabase();
  } finally {
    process.env.DATABASE_URL = serverUrl;
  }
}

describe("bulk seed", () => {
  const seeded: { counts: Record<string, number>; fingerprint: unknown; schema: unknown }[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const db = await embeddedDatabase();
      try {
        await seed(db.url, ["--size", "3000", "--audit-events", "500"]);
        const [counts] = await query<Record<string, number>>(
          db.url,
          `SELECT count(*)::int AS tickets, max(w."ticketCounter") AS counter, count(DISTINCT t.number)::int AS numbers,
                  (SELECT count(*)::int FROM "Message" m WHERE m."workspaceId" = w.id) AS messages,
                  (SELECT count(*)::int FROM "AuditEvent" a WHERE a."workspaceId" = w.id) AS audit
             FROM "Ticket" t JOIN "Workspace" w ON w.id = t."workspaceId" WHERE w.slug = 'acme' GROUP BY w.id`,
        );
        const [fingerprint] = await query(db.url, FINGERPRINT);
        const [schema] = await query(db.url, SCHEMA);
        seeded.push({ counts: counts!, fingerprint, schema });
      } finally {
        await db.stop();
      }
    }
  }, 300_000);

  it("makes the volume asked for, numbered per workspace", () => {
    const { counts } = seeded[0]!;
    expect(counts).toMatchObject({ tickets: 3000, counter: 3000, numbers: 3000, audit: 500 });
    expect(counts.messages! / counts.tickets!).toBeGreaterThan(3.5);
    expect(counts.messages! / counts.tickets!).toBeLessThan(4.5);
  });

  it("gives the same rows for the same size", () => {
    expect(seeded[0]!.fingerprint).toEqual(seeded[1]!.fingerprint);
  });

  it("leaves every index and foreign key of the migrated schema in place", async () => {
    const [migrated] = await query(inject("databaseUrl"), SCHEMA);
    expect(seeded[0]!.schema).toEqual(migrated);
  });
});
