import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { filtersToParams } from "@/lib/services/views/view-access";
import { CreateViewSchema, type CreateViewInput } from "@/lib/validations/views";

/** Saves the ticket list's filters and sort under a name, for the actor alone or for the workspace. */
export async function createView(ctx: ActorContext, input: CreateViewInput) {
  const { name, visibility, filters } = parseInput(CreateViewSchema, input);
  if (visibility === "personal" && !ctx.userId) {
    throw new AppError(
      "user_required",
      "A personal view belongs to a person: save it as shared, or use a user-bound credential.",
    );
  }
  const ownerId = visibility === "personal" ? ctx.userId : null;
  const taken = await prisma.savedView.findFirst({
    where: { ...inWorkspace(ctx), ownerId, name: { equals: name, mode: "insensitive" } },
    select: { id: true },
  });
  if (taken) {
    throw new AppError("conflict", `A ${visibility} view named "${name}" already exists.`, {
      fields: { name: ["is taken"] },
    });
  }
  const params = filtersToParams(filters);
  const view = await prisma.savedView.create({
    data: { ...inWorkspace(ctx), ownerId, name, filters: params, createdById: ctx.userId },
    select: { id: true, name: true },
  });
  await recordAudit(ctx, { action: "view.create", details: { view_id: view.id, visibility } });
  return { id: view.id, name: view.name, visibility, filters: params };
}
