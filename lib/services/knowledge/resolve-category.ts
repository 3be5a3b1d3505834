import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError } from "@/lib/errors";

/** The id of the workspace's category with this id or slug; a field error on `category` when there is none. */
export async function resolveCategoryId(ctx: Pick<ActorContext, "workspaceId">, ref: string): Promise<string> {
  const category = await prisma.knowledgeCategory.findFirst({
    where: { ...inWorkspace(ctx), OR: [{ id: ref }, { slug: ref.toLowerCase() }] },
    select: { id: true },
  });
  if (!category) {
    throw new AppError("validation_error", `category "${ref}" is not a category of this workspace.`, {
      fields: { category: ["is not a category of this workspace (use list_knowledge_categories)"] },
    });
  }
  return category.id;
}
