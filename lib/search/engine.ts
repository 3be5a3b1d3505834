import type { ActorContext } from "@/lib/context";
import type { Page } from "@/lib/validations/common";
import type { SearchContactsFilters } from "@/lib/validations/contacts";
import type { ArticleSearchFilters } from "@/lib/validations/knowledge";
import type { TicketListFilters } from "@/lib/validations/tickets";

/** One ticket a search found, in result order. */
export type TicketHit = { id: string; number: number };

/**
 * A page of tickets a search found; `loosened` when no ticket matched the text as typed and these
 * match its loosened form (prefixes and near spellings) instead.
 */
export type TicketPage = Page<TicketHit> & { loosened: boolean };

/** One knowledge-base article a search found, with where the text matched (<mark> markers) if it did. */
export type ArticleHit = { id: string; snippet: string | null };

/** How many tickets a list matches: exact, or past the exact limit an estimate ("about N"). */
export type TicketCount = { count: number; exact: boolean };

/**
 * The one search interface behind the ticket list page, search_tickets,
 * search_contacts, the knowledge base and the public help center. PostgreSQL full-text search serves it on every deployment;
 * an external engine for a very large tenant would implement this and nothing
 * in pages or tools would change.
 */
export interface SearchEngine {
  tickets(ctx: ActorContext, filters: TicketListFilters): Promise<TicketPage>;
  /**
   * Where the text matched each ticket of a page, with <mark> markers, by ticket id (none where
   * only the number or the contact matched). The dearest part of a search, asked for only by the
   * callers that show it, beside their own read of the page's tickets.
   */
  ticketSnippets(ctx: ActorContext, filters: TicketListFilters, page: TicketPage): Promise<Map<string, string>>;
  countTickets(ctx: ActorContext, filters: TicketListFilters): Promise<TicketCount>;
  contacts(ctx: ActorContext, filters: SearchContactsFilters): Promise<Page<{ id: string }>>;
  /** Articles of one workspace; the help center has no actor, only the workspace it shows. */
  articles(scope: Pick<ActorContext, "workspaceId">, filters: ArticleSearchFilters): Promise<Page<ArticleHit>>;
}
