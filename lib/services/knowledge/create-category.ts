import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { requireKnowledgeAdmin } from "@/lib/services/knowledge/require-admin";
import { CreateCategorySchema, slugify, type CreateCategoryInput } from "@/lib/validations/knowledge";

/** Adds a category (at the end unless a position is given); its slug comes from the name unless given. */
export async function createCategory(ctx: ActorContext, input: CreateCategoryInput) {
  const data = parseInput(CreateCategorySchema, input);
  requireKnowledgeAdmin(ctx, "arrange knowledge categories");
  const slug = data.slug ?? (slugify(data.name) || "category");
  await assertCategoryFree(ctx, { name: data.name, slug });
  const last = await prisma.knowledgeCategory.aggregate({ where: inWorkspace(ctx), _max: { position: true } });
  const category = await prisma.knowledgeCategory.create({
    data: { ...inWorkspace(ctx), name: data.name, slug, position: data.position ?? (last._max.position ?? -1) + 1 },
    select: { id: true, name: true, slug: true, position: true },
  });
  await recordAudit(ctx, { action: "knowledge_category.create", details: { category_id: category.id } });
  return category;
}

/** Refuses a name or slug another category of the workspace already has, naming the field. */
export async function assertCategoryFree(
  ctx: ActorContext,
  wanted: { name?: string; slug?: string },
  exceptId?: string,
) {
  const or = [...(wanted.name ? [{ name: wanted.name }] : []), ...(wanted.slug ? [{ slug: wanted.slug }] : [])];
  if (!or.length) return;
  const taken = await prisma.knowledgeCategory.findFirst({
    where: { ...inWorkspace(ctx), OR: or, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true, slug: true },
  });
  if (!taken) return;
  const field = taken.name === wanted.name ? "name" : "slug";
  throw new AppError("conflict", `A category with this ${field} already exists.`, {
    fields: { [field]: ["is taken"] },
  });
}
