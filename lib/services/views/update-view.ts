import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { filtersToParams, findEditableView } from "@/lib/services/views/view-access";
import { UpdateViewSchema, type UpdateViewInput } from "@/lib/validations/views";

/** Renames a view and/or replaces its filters and sort. */
export async function updateView(ctx: ActorContext, input: UpdateViewInput) {
  const { view_id, name, filters } = parseInput(UpdateViewSchema, input);
  const view = await findEditableView(ctx, view_id);
  if (name !== undefined && name.toLowerCase() !== view.name.toLowerCase()) {
    const taken = await prisma.savedView.findFirst({
      where: { ...inWorkspace(ctx), ownerId: view.ownerId, name: { equals: name, mode: "insensitive" } },
      select: { id: true },
    });
    if (taken)
      throw new AppError("conflict", `A view named "${name}" already exists.`, { fields: { name: ["is taken"] } });
  }
  const updated = await prisma.savedView.update({
    where: { id: view.id },
    data: { ...(name !== undefined ? { name } : {}), ...(filters ? { filters: filtersToParams(filters) } : {}) },
    select: { id: true, name: true, ownerId: true, filters: true },
  });
  await recordAudit(ctx, { action: "view.update", details: { view_id: view.id } });
  return {
    id: updated.id,
    name: updated.name,
    visibility: updated.ownerId ? ("personal" as const) : ("shared" as const),
    filters: updated.filters as Record<string, string>,
  };
}
