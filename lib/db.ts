import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

// The one Prisma client, through the pg driver adapter for the embedded
// database and PostgreSQL alike; cached on globalThis across dev reloads.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** How many distinct statements are kept prepared; each connection holds at most these. */
const PREPARED_STATEMENTS_MAX = 500;
const statementNames = new Map<string, string>();

/**
 * A statement's name, the same for the same SQL in every connection and process: the pg driver
 * prepares a named statement once per connection, and PostgreSQL skips parsing (and, once it has
 * seen a statement a few times, planning) afterwards. The planning of the ticket read with its
 * joined relations costs more than running it. Past PREPARED_STATEMENTS_MAX distinct statements
 * (the hot ones come first), a new one runs unnamed, as every statement does with "off".
 */
function statementNameOf(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    if (statementNames.size >= PREPARED_STATEMENTS_MAX) return "";
    name = `db_${createHash("sha1").update(sql).digest("base64url")}`;
    statementNames.set(sql, name);
  }
  return name;
}

function createPrismaClient(): PrismaClient {
  const env = getEnv();
  const adapter = new PrismaPg(
    {
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_MAX,
      connectionTimeoutMillis: 5_000,
    },
    env.DATABASE_PREPARED_STATEMENTS === "on" ? { statementNameGenerator: ({ sql }) => statementNameOf(sql) } : {},
  );
  if (env.DATABASE_QUERY_LOG !== "1") return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) =>
    console.log(`prisma:query ${JSON.stringify({ query: event.query, params: event.params, ms: event.duration })}`),
  );
  return client;
}

export function getPrisma(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient();
  return globalForPrisma.prisma;
}

/** Lazily created so importing a module never needs the environment. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

/** A table's columns (the id aside) and their PostgreSQL types, for insertRows. */
export type RowColumns = Readonly<Record<string, string>>;

/**
 * Inserts rows in one statement that needs no query plan: Prisma compiles every `createMany` afresh
 * in its query compiler, at a cost that grows with the rows, and caches none of them. The rows go
 * as one JSON parameter, so the statement's text (and its prepared plan) is the same for any number
 * of rows. The table gives the id (its default); a column a row lacks is written NULL. `table` and
 * `columns` are the code's own names, never input.
 */
export async function insertRows(
  db: Pick<Prisma.TransactionClient, "$executeRaw">,
  table: string,
  columns: RowColumns,
  rows: readonly Record<string, unknown>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const names = Object.keys(columns).map((name) => `"${name}"`);
  const record = Object.entries(columns).map(([name, type]) => `"${name}" ${type}`);
  // Schema-qualified like Prisma's own statements, so a session's search_path cannot redirect it.
  return db.$executeRaw(
    Prisma.sql`INSERT INTO "public".${Prisma.raw(`"${table}" (${names.join(", ")})`)}
      SELECT ${Prisma.raw(names.join(", "))}
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(${Prisma.raw(record.join(", "))})`,
  );
}

export type { PrismaClient };
