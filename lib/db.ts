import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

// The one Prisma client, through the pg driver adapter for the embedded
// database and PostgreSQL alike; cached on globalThis across dev reloads.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createPrismaClient(): PrismaClient {
  const env = getEnv();
  const adapter = new PrismaPg({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_MAX,
    connectionTimeoutMillis: 5_000,
  });
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

export type { PrismaClient };

export type Db = Prisma.TransactionClient;

/**
 * Runs fn inside the caller's transaction when one is given, else in a new one: a verb called by
 * another (bulk work applies several ticket verbs in one transaction per ticket) joins its transaction.
 */
export function withTransaction<T>(db: Db | undefined, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db ? fn(db) : prisma.$transaction(fn);
}
