import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { findArticleId } from "@/lib/services/knowledge/find-article";
import { requireKnowledgeAdmin } from "@/lib/services/knowledge/require-admin";
import { ArticleRefSchema, type ArticleRefInput } from "@/lib/validations/knowledge";

/** Deletes an article for good (unpublishing keeps it as a draft instead). */
export async function deleteArticle(ctx: ActorContext, input: ArticleRefInput) {
  const { article } = parseInput(ArticleRefSchema, input);
  requireKnowledgeAdmin(ctx, "delete articles");
  const id = await findArticleId(ctx, article);
  const row = await prisma.article.delete({ where: { id }, select: { id: true, slug: true, title: true } });
  await recordAudit(ctx, { action: "article.delete", details: { article_id: row.id, slug: row.slug } });
  return { id: row.id, deleted: true };
}
