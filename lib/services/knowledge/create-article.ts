import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { ARTICLE_SELECT, articleSummary } from "@/lib/services/knowledge/article-shape";
import { resolveCategoryId } from "@/lib/services/knowledge/resolve-category";
import { assertArticleSlugFree, freeArticleSlug } from "@/lib/services/knowledge/unique-slug";
import { CreateArticleSchema, slugify, type CreateArticleInput } from "@/lib/validations/knowledge";

/**
 * Writes an article, a draft unless `publish` is true. Without a slug one is made from the
 * title (numbered when the workspace has it already); a slug that is given must be free.
 */
export async function createArticle(ctx: ActorContext, input: CreateArticleInput) {
  const data = parseInput(CreateArticleSchema, input);
  const categoryId = data.category ? await resolveCategoryId(ctx, data.category) : null;
  const row = await prisma.$transaction(async (tx) => {
    let slug: string;
    if (data.slug) {
      await assertArticleSlugFree(tx, ctx.workspaceId, data.slug);
      slug = data.slug;
    } else {
      slug = await freeArticleSlug(tx, ctx.workspaceId, slugify(data.title) || "article");
    }
    return tx.article.create({
      data: {
        ...inWorkspace(ctx),
        title: data.title,
        slug,
        body: data.body,
        categoryId,
        authorId: ctx.userId,
        status: data.publish ? "published" : "draft",
        publishedAt: data.publish ? new Date() : null,
      },
      select: { ...ARTICLE_SELECT, body: true },
    });
  });
  await recordAudit(ctx, {
    action: "article.create",
    details: { article_id: row.id, slug: row.slug, status: row.status },
  });
  return { ...articleSummary(row), body: row.body };
}
