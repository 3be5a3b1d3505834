import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { atDomains } from "@/lib/services/companies/company-members";
import { CursorId, decodeCursor, encodeCursor, type Page } from "@/lib/validations/common";
import { ListCompaniesSchema, type ListCompaniesInput } from "@/lib/validations/contacts";

const { sql, join } = Prisma;

const CursorShape = z.object({ n: z.string().max(500), i: CursorId });

export type CompanyRow = { id: string; name: string; domains: string[]; contact_count: number };

/** Companies alphabetically (by part of the name, or a domain), each with how many contacts it has. */
export async function listCompanies(ctx: ActorContext, input: ListCompaniesInput): Promise<Page<CompanyRow>> {
  const data = parseInput(ListCompaniesSchema, input);
  const cursor = decodeCursor(data.cursor, CursorShape);
  const and = [sql`co."workspaceId" = ${ctx.workspaceId}`];
  if (data.q) {
    const q = data.q.toLowerCase();
    const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    and.push(sql`(co."name" ILIKE ${like} OR ${q.replace(/^@/, "")} = ANY(co."domains"))`);
  }
  if (cursor) and.push(sql`(co."name", co."id") > (${cursor.n}, ${cursor.i})`);
  const rows = await prisma.$queryRaw<{ id: string; name: string; domains: string[] | null }[]>`
    SELECT co."id", co."name", co."domains" FROM "public"."Company" co WHERE ${join(and, " AND ")}
     ORDER BY co."name", co."id" LIMIT ${data.limit + 1}`;
  const hasMore = rows.length > data.limit;
  const page = rows.slice(0, data.limit);
  const counts = await Promise.all(page.map((row) => countContacts(ctx, row.domains ?? [])));
  const last = page.at(-1);
  return {
    items: page.map((row, i) => ({
      id: row.id,
      name: row.name,
      domains: row.domains ?? [],
      contact_count: counts[i]!,
    })),
    next_cursor: hasMore && last ? encodeCursor({ n: last.name, i: last.id }) : null,
    has_more: hasMore,
  };
}

export async function countContacts(ctx: Pick<ActorContext, "workspaceId">, domains: string[]): Promise<number> {
  if (domains.length === 0) return 0;
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM "public"."Contact" c
     WHERE c."workspaceId" = ${ctx.workspaceId} AND ${atDomains(domains)}`;
  return row?.n ?? 0;
}
