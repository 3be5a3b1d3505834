"use server";

import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { searchContacts } from "@/lib/services/contacts/search-contacts";
import { searchArticles } from "@/lib/services/knowledge/search-articles";
import { listTickets } from "@/lib/services/tickets/list-tickets";
import type { PaletteRecord } from "@/components/keyboard/palette-types";

const PER_KIND = 5;

/** The command palette's records: tickets, contacts and articles matching the text (recent tickets without text). */
export async function paletteSearchAction(query: string): Promise<PaletteRecord[]> {
  const { ctx } = await requireActor();
  const q = String(query ?? "")
    .trim()
    .slice(0, 200);
  try {
    const [tickets, contacts, articles] = await Promise.all([
      listTickets(ctx, { q: q || undefined, limit: PER_KIND }),
      q ? searchContacts(ctx, { q, limit: PER_KIND }) : null,
      q ? searchArticles(ctx, { q, limit: PER_KIND }) : null,
    ]);
    return [
      ...tickets.items.map((t) => ({
        kind: "ticket" as const,
        href: `/tickets/${t.number}`,
        label: `#${t.number} ${t.subject}`,
        hint: [t.status, t.contact?.name].filter(Boolean).join(" · "),
      })),
      ...(contacts?.items ?? []).map((c) => ({
        kind: "contact" as const,
        href: `/contacts/${c.id}`,
        label: c.name,
        hint: c.email ?? c.company ?? undefined,
      })),
      ...(articles?.items ?? []).map((a) => ({
        kind: "article" as const,
        href: `/knowledge/${a.id}`,
        label: a.title,
        hint: a.status,
      })),
    ];
  } catch (error) {
    // Text the search cannot read finds nothing rather than breaking the palette.
    if (error instanceof AppError) return [];
    throw error;
  }
}
