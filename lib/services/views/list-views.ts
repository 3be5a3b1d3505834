import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { search } from "@/lib/search";
import { canEditView, filtersToParams, storedFilters, visibleViews } from "@/lib/services/views/view-access";
import { describeCount } from "@/lib/services/tickets/count-tickets";
import { TicketListSchema } from "@/lib/validations/tickets";

export type ViewRow = {
  id: string;
  name: string;
  visibility: "personal" | "shared";
  /** The ticket list's address parameters (q, status, assignee, …) this view applies. */
  filters: Record<string, string>;
  /** Exact up to 10,000, then an estimate (exact: false); null when the view cannot be counted for this actor. */
  count: number | null;
  exact: boolean;
  count_text: string | null;
  /** Whether this actor may rename, refilter or delete it. */
  can_edit: boolean;
  updated_at: string;
};

/**
 * The shared views and the actor's own, each with its live count through the ticket list's count
 * path (the TicketCount table or a capped count), so a sidebar of views stays cheap at any volume.
 */
export async function listViews(ctx: ActorContext): Promise<ViewRow[]> {
  const views = await prisma.savedView.findMany({
    where: visibleViews(ctx),
    orderBy: [{ ownerId: { sort: "asc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, ownerId: true, createdById: true, filters: true, updatedAt: true },
    take: 100,
  });
  return Promise.all(
    views.map(async (view) => {
      const filters = storedFilters(view.filters);
      let count: { count: number; exact: boolean } | null = null;
      try {
        count = await search.countTickets(ctx, TicketListSchema.parse({ ...filters, include_notes: true }));
      } catch (error) {
        // "My open" has no "me" for a workspace key: the view is listed without a count.
        if (!(error instanceof AppError)) throw error;
      }
      return {
        id: view.id,
        name: view.name,
        visibility: view.ownerId ? ("personal" as const) : ("shared" as const),
        filters: filtersToParams(filters),
        count: count?.count ?? null,
        exact: count?.exact ?? true,
        count_text: count ? describeCount(count) : null,
        can_edit: canEditView(ctx, view),
        updated_at: view.updatedAt.toISOString(),
      };
    }),
  );
}
