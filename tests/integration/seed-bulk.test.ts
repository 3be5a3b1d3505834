// The set-based seed for benchmark volumes: the same rows for the same size, every
// index and foreign key of the migrated schema back after the load.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureTs } from "../../scripts/bootstrap.mjs";
import { prepareTestDatabase } from "../support/test-database.mjs";

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
            FROM pg_constraint WHERE contype = 'f' AND convalidated) AS foreign_keys`;

const FINGERPRINT = `
  SELECT (SELECT md5(string_agg(concat_ws('|', t.number, t.subject, t.status, t.priority, t.channel, a.email, c.email,
                                          t."createdAt", t."resolvedAt"), ',' ORDER BY t.number))
            FROM "Ticket" t JOIN "Workspace" w ON w.id = t."workspaceId" AND w.slug = 'acme'
            LEFT JOIN "User" a ON a.id = t."assigneeId" LEFT JOIN "Contact" c ON c.id = t."contactId") AS tickets,
         (SELECT md5(string_agg(concat_ws('|', m.id, m.kind, m."authorType", m.body), ',' ORDER BY m.id))
            FROM "Message" m) AS messages,
         (SELECT md5(string_agg(concat_ws('|', tt."ticketId", g.name), ',' ORDER BY tt."ticketId", g.name))
            FROM "TicketTag" tt JOIN "Tag" g ON g.id = tt."tagId") AS tags`;

describe("bulk seed", () => {
  const dbs: Db[] = [];
  let reference: Db;

  beforeAll(async () => {
    reference = await prepareTestDatabase();
    for (let i = 0; i < 2; i++) {
      const db = await prepareTestDatabase();
      dbs.push(db);
      await captureTs("prisma/seed.ts", ["--size", "3000", "--audit-events", "500"], {
        DATABASE_URL: db.url,
        DATABASE_POOL_MAX: "2",
      });
    }
  }, 240_000);

  afterAll(async () => {
    for (const db of [...dbs, reference]) await db?.stop();
  });

  it("makes the volume asked for, numbered per workspace", async () => {
    const [row] = await query<{ tickets: number; counter: number; distinct: number; messages: number; audit: number }>(
      dbs[0]!.url,
      `SELECT count(*)::int AS tickets, max(w."ticketCounter") AS counter, count(DISTINCT t.number)::int AS distinct,
              (SELECT count(*)::int FROM "Message" m WHERE m."workspaceId" = w.id) AS messages,
              (SELECT count(*)::int FROM "AuditEvent" a WHERE a."workspaceId" = w.id) AS audit
         FROM "Ticket" t JOIN "Workspace" w ON w.id = t."workspaceId" WHERE w.slug = 'acme' GROUP BY w.id`,
    );
    expect(row).toMatchObject({ tickets: 3000, counter: 3000, distinct: 3000, audit: 500 });
    expect(row!.messages / row!.tickets).toBeGreaterThan(3.5);
    expect(row!.messages / row!.tickets).toBeLessThan(4.5);
  });

  it("gives the same rows for the same size", async () => {
    const [a] = await query(dbs[0]!.url, FINGERPRINT);
    const [b] = await query(dbs[1]!.url, FINGERPRINT);
    expect(a).toEqual(b);
  });

  it("leaves every index and foreign key of the migrated schema in place", async () => {
    const [seeded] = await query(dbs[0]!.url, SCHEMA);
    const [migrated] = await query(reference.url, SCHEMA);
    expect(seeded).toEqual(migrated);
  });
});
