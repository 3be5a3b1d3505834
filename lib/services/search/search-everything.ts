import "server-only";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { searchContacts } from "@/lib/services/contacts/search-contacts";
import { listTickets } from "@/lib/services/tickets/list-tickets";
import { SEARCH_GROUPS, SearchEverythingSchema, type SearchEverythingInput } from "@/lib/validations/search";

/**
 * One search box over every family lib/search serves, answered in groups: the best tickets and
 * contacts for the text, each group with whether there is more (search_tickets and
 * search_contacts page further). A family added to lib/search adds its group here.
 */
export async function searchEverything(ctx: ActorContext, input: SearchEverythingInput) {
  const data = parseInput(SearchEverythingSchema, input);
  const wanted = new Set(data.groups ?? SEARCH_GROUPS);
  const [tickets, contacts] = await Promise.all([
    wanted.has("tickets") ? listTickets(ctx, { q: data.q, sort: "relevance", limit: data.limit }) : null,
    wanted.has("contacts") ? searchContacts(ctx, { q: data.q, limit: data.limit }) : null,
  ]);
  return {
    q: data.q,
    groups: {
      ...(tickets
        ? {
            tickets: {
              items: tickets.items.map((t) => ({
                number: t.number,
                subject: t.subject,
                status: t.status,
                priority: t.priority,
                contact: t.contact,
                snippet: t.snippet,
                updated_at: t.updated_at,
              })),
              has_more: tickets.has_more,
            },
          }
        : {}),
      ...(contacts ? { contacts: { items: contacts.items, has_more: contacts.has_more } } : {}),
    },
  };
}
