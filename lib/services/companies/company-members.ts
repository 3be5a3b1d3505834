import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

const { sql } = Prisma;

/**
 * Contacts `c` whose own email or a further address is at one of the domains: a company's
 * contacts, grouped by domain when read (so a domain added later takes in who already wrote).
 */
export function atDomains(domains: string[]): Prisma.Sql {
  if (domains.length === 0) return sql`FALSE`;
  return sql`(split_part(c."email", '@', 2) = ANY(${domains}::text[])
    OR EXISTS (SELECT 1 FROM "public"."ContactEmail" e
                WHERE e."contactId" = c."id" AND split_part(e."email", '@', 2) = ANY(${domains}::text[])))`;
}

/** The domains of a contact's addresses, for finding their company. */
export function domainsOf(emails: (string | null)[]): string[] {
  return [...new Set(emails.flatMap((e) => (e && e.includes("@") ? [e.split("@")[1]!] : [])))];
}
