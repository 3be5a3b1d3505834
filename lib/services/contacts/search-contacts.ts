import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { search } from "@/lib/search";
import type { Page } from "@/lib/validations/common";
import { SearchContactsSchema, type SearchContactsInput } from "@/lib/validations/contacts";

export type ContactRow = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
};

/** Contacts by name, email or company (prefix and near spellings too), alphabetical. */
export async function searchContacts(ctx: ActorContext, input: SearchContactsInput): Promise<Page<ContactRow>> {
  const data = parseInput(SearchContactsSchema, input);
  const hits = await search.contacts(ctx, data);
  const rows = await prisma.contact.findMany({
    where: { ...inWorkspace(ctx), id: { in: hits.items.map((h) => h.id) } },
    select: { id: true, name: true, email: true, phone: true, company: true },
  });
  const byId = new Map(rows.map((c) => [c.id, c]));
  return { ...hits, items: hits.items.flatMap((h) => byId.get(h.id) ?? []) };
}
