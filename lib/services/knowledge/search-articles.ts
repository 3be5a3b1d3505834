import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { search } from "@/lib/search";
import { ARTICLE_SELECT, articleSummary, type ArticleSummary } from "@/lib/services/knowledge/article-shape";
import { resolveCategoryId } from "@/lib/services/knowledge/resolve-category";
import type { Page } from "@/lib/validations/common";
import { SearchArticlesSchema, type SearchArticlesInput } from "@/lib/validations/knowledge";

export type ArticleResult = ArticleSummary & { snippet: string | null };

/**
 * The knowledge base for agents: drafts and published articles, by relevance with
 * snippets when there is text, else the most recently updated first.
 */
export async function searchArticles(ctx: ActorContext, input: SearchArticlesInput): Promise<Page<ArticleResult>> {
  const data = parseInput(SearchArticlesSchema, input);
  const categoryId = data.category ? await resolveCategoryId(ctx, data.category) : undefined;
  const hits = await search.articles(ctx, {
    q: data.q,
    categoryId,
    status: data.status,
    limit: data.limit,
    cursor: data.cursor,
  });
  return { ...hits, items: await articlesFor(ctx, hits.items) };
}

/** The rows behind search hits, in hit order, each with its snippet. */
export async function articlesFor(
  ctx: Pick<ActorContext, "workspaceId">,
  hits: { id: string; snippet: string | null }[],
): Promise<ArticleResult[]> {
  if (!hits.length) return [];
  const rows = await prisma.article.findMany({
    where: { ...inWorkspace(ctx), id: { in: hits.map((h) => h.id) } },
    select: ARTICLE_SELECT,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return hits.flatMap((h) => {
    const row = byId.get(h.id);
    return row ? [{ ...articleSummary(row), snippet: h.snippet }] : [];
  });
}
