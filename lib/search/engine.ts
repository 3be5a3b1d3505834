import type { ActorContext } from "@/lib/context";
import type { Page } from "@/lib/validations/common";
import type { SearchContactsFilters } from "@/lib/validations/contacts";
import type { ArticleSearchFilters } from "@/lib/validations/knowledge";
import type { TicketListFilters } from "@/lib/validations/tickets";

/** One ticket a search found, in result order, with where the text matched (<mark> markers) if it did. */
export type TicketHit = { id: string; number: number; snippet: string | null };

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
/** What a ticket search computes besides the page: snippets unless a caller that shows none says so. */
export type TicketSearchOptions = { snippets?: boolean };

export interface SearchEngine {
  tickets(ctx: ActorContext, filters: TicketListFilters, options?: TicketSearchOptions): Promise<Page<TicketHit>>;
  countTickets(ctx: ActorContext, filters: TicketListFilters): Promise<TicketCount>;
  contacts(ctx: ActorContext, filters: SearchContactsFilters): Promise<Page<{ id: string }>>;
  /** Articles of one workspace; the help center has no actor, only the workspace it shows. */
  articles(scope: Pick<ActorContext, "workspaceId">, filters: ArticleSearchFilters): Promise<Page<ArticleHit>>;
}
