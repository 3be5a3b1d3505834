import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { roleAtLeast } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ViewFiltersSchema, type ViewFilters } from "@/lib/validations/views";

/** The views an actor may see: the workspace's shared views and their own personal ones. */
export function visibleViews(ctx: ActorContext): Prisma.SavedViewWhereInput {
  return {
    ...inWorkspace(ctx),
    OR: ctx.userId ? [{ ownerId: null }, { ownerId: ctx.userId }] : [{ ownerId: null }],
  };
}

/** A view the actor may change: their own personal view, or a shared one they created (admins: any). */
export async function findEditableView(ctx: ActorContext, id: string) {
  const view = await prisma.savedView.findFirst({
    where: { ...visibleViews(ctx), id },
    select: { id: true, name: true, ownerId: true, createdById: true, filters: true },
  });
  if (!view) throw notFound("View");
  if (!canEditView(ctx, view)) {
    throw new AppError("admin_required", "Only the agent who created a shared view, or an admin, can change it.");
  }
  return view;
}

/** Personal views are their owner's; a shared view is its creator's and any admin's to change. */
export function canEditView(ctx: ActorContext, view: { ownerId: string | null; createdById: string | null }): boolean {
  if (view.ownerId) return view.ownerId === ctx.userId;
  return (ctx.userId !== null && view.createdById === ctx.userId) || roleAtLeast(ctx.role, "admin");
}

/** Filters as the address carries them: text values only, the default sort left out. */
export function filtersToParams(filters: ViewFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null) continue;
    if (key === "sort" && value === "updated") continue;
    out[key] = value instanceof Date ? value.toISOString() : String(value);
  }
  return out;
}

/** Stored filters, read again through the list's schema (a view saved before a filter changed still opens). */
export function storedFilters(json: Prisma.JsonValue): ViewFilters {
  const parsed = ViewFiltersSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : ViewFiltersSchema.parse({});
}
