import "server-only";
import type { SearchEngine } from "@/lib/search/engine";
import { searchArticleIds } from "@/lib/search/postgres/articles";
import { searchContactIds } from "@/lib/search/postgres/contacts";
import { countTickets } from "@/lib/search/postgres/ticket-count";
import { searchTicketIds, ticketSnippets } from "@/lib/search/postgres/tickets";

export type { ArticleHit, SearchEngine, TicketCount, TicketHit, TicketPage } from "@/lib/search/engine";

export const search: SearchEngine = {
  tickets: searchTicketIds,
  ticketSnippets,
  countTickets,
  contacts: searchContactIds,
  articles: searchArticleIds,
};
