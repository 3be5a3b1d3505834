import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { requireKnowledgeAdmin } from "@/lib/services/knowledge/require-admin";
import { CategoryRefSchema, type CategoryRefInput } from "@/lib/validations/knowledge";

/** Deletes a category; its articles stay, outside every category. */
export async function deleteCategory(ctx: ActorContext, input: CategoryRefInput) {
  const { category_id } = parseInput(CategoryRefSchema, input);
  requireKnowledgeAdmin(ctx, "arrange knowledge categories");
  const category = await prisma.knowledgeCategory.findFirst({
    where: { ...inWorkspace(ctx), id: category_id },
    select: { id: true, name: true },
  });
  if (!category) throw notFound("Category");
  const released = await prisma.$transaction(async (tx) => {
    const { count } = await tx.article.updateMany({
      where: { ...inWorkspace(ctx), categoryId: category.id },
      data: { categoryId: null },
    });
    await tx.knowledgeCategory.delete({ where: { id: category.id } });
    return count;
  });
  await recordAudit(ctx, {
    action: "knowledge_category.delete",
    details: { category_id: category.id, articles_released: released },
  });
  return { id: category.id, deleted: true, articles_released: released };
}
