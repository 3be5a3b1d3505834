import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { assertCategoryFree } from "@/lib/services/knowledge/create-category";
import { requireKnowledgeAdmin } from "@/lib/services/knowledge/require-admin";
import { UpdateCategorySchema, type UpdateCategoryInput } from "@/lib/validations/knowledge";

/** Renames, re-slugs or moves a category; fields left out stay as they are. */
export async function updateCategory(ctx: ActorContext, input: UpdateCategoryInput) {
  const { category_id, ...data } = parseInput(UpdateCategorySchema, input);
  requireKnowledgeAdmin(ctx, "arrange knowledge categories");
  const existing = await prisma.knowledgeCategory.findFirst({
    where: { ...inWorkspace(ctx), id: category_id },
    select: { id: true },
  });
  if (!existing) throw notFound("Category");
  await assertCategoryFree(ctx, { name: data.name, slug: data.slug }, existing.id);
  const category = await prisma.knowledgeCategory.update({
    where: { id: existing.id },
    data: { name: data.name, slug: data.slug, position: data.position },
    select: { id: true, name: true, slug: true, position: true },
  });
  await recordAudit(ctx, {
    action: "knowledge_category.update",
    details: {
      category_id: category.id,
      fields: Object.keys(data).filter((k) => data[k as keyof typeof data] !== undefined),
    },
  });
  return category;
}
