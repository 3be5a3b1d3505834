import "server-only";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { search, type TicketCount } from "@/lib/search";
import { TicketListSchema, type TicketListInput } from "@/lib/validations/tickets";

/** How many tickets the ticket list's filters and search match: exact up to 10,000, then "about N". */
export async function countTickets(ctx: ActorContext, input: TicketListInput): Promise<TicketCount> {
  return search.countTickets(ctx, parseInput(TicketListSchema, input));
}

/** "1 ticket", "2,310 tickets", "about 140,000 tickets". */
export function describeCount({ count, exact }: TicketCount): string {
  const noun = count === 1 ? "ticket" : "tickets";
  if (exact) return `${count.toLocaleString("en")} ${noun}`;
  // An estimate keeps two significant figures: more would claim a precision it does not have.
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(count)) - 1);
  return `about ${(Math.round(count / magnitude) * magnitude).toLocaleString("en")} ${noun}`;
}
