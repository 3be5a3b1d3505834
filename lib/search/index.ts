import "server-only";
import type { SearchEngine } from "@/lib/search/engine";
import { searchContactIds } from "@/lib/search/postgres/contacts";
import { searchTicketIds } from "@/lib/search/postgres/tickets";

export type { SearchEngine, TicketHit } from "@/lib/search/engine";

export const search: SearchEngine = { tickets: searchTicketIds, contacts: searchContactIds };
