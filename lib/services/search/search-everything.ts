import "server-only";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { searchContacts } from "@/lib/services/contacts/search-contacts";
import { searchArticles } from "@/lib/services/knowledge/search-articles";
import { listTickets } from "@/lib/services/tickets/list-tickets";
import { SEARCH_GROUPS, SearchEverythingSchema, type SearchEverythingInput } from "@/lib/validations/search";

/**
 * One search box over every family lib/search serves, answered in groups: the best tickets,
 * contacts and knowledge-base articles for the text, each group with whether there is more
 * (search_tickets, search_contacts and search_knowledge page further). A family added to
 * lib/search adds its group here.
 */
export async function searchEverything(ctx: ActorContext, input: SearchEverythingInput) {
  const data = parseInput(SearchEverythingSchema, input);
  const wanted = new Set(data.groups ?? SEARCH_GROUPS);
  const [tickets, contacts, articles] = await Promise.all([
    wanted.has("tickets") ? listTickets(ctx, { q: data.q, sort: "relevance", limit: data.limit }) : null,
    wanted.has("contacts") ? searchContacts(ctx, { q: data.q, limit: data.limit }) : null,
    wanted.has("articles") ? searchArticles(ctx, { q: data.q, limit: data.limit }) : null,
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
      ...(articles
        ? {
            articles: {
              items: articles.items.map((a) => ({
                id: a.id,
                title: a.title,
                status: a.status,
                url: a.url,
                snippet: a.snippet,
                updated_at: a.updated_at,
              })),
              has_more: articles.has_more,
            },
          }
        : {}),
    },
  };
}
