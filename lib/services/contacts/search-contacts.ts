import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/errors";
import { CursorId, decodeCursor, encodeCursor, type Page } from "@/lib/validations/common";
import { SearchContactsSchema, type SearchContactsInput } from "@/lib/validations/contacts";

export type ContactRow = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
};

const CursorShape = z.object({ n: z.string().max(500), i: CursorId });

/** Contacts by name, email or company, alphabetical. */
export async function searchContacts(ctx: ActorContext, input: SearchContactsInput): Promise<Page<ContactRow>> {
  const data = parseInput(SearchContactsSchema, input);
  const and: Prisma.ContactWhereInput[] = [inWorkspace(ctx)];
  if (data.q) {
    and.push({
      OR: [
        { name: { contains: data.q, mode: "insensitive" } },
        { email: { contains: data.q.toLowerCase() } },
        { company: { contains: data.q, mode: "insensitive" } },
      ],
    });
  }
  const cursor = decodeCursor(data.cursor, CursorShape);
  if (cursor) and.push({ OR: [{ name: { gt: cursor.n } }, { name: cursor.n, id: { gt: cursor.i } }] });
  const rows = await prisma.contact.findMany({
    where: { AND: and },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: data.limit + 1,
    select: { id: true, name: true, email: true, phone: true, company: true },
  });
  const hasMore = rows.length > data.limit;
  const items = rows.slice(0, data.limit);
  const last = items.at(-1);
  return { items, next_cursor: hasMore && last ? encodeCursor({ n: last.name, i: last.id }) : null, has_more: hasMore };
}
