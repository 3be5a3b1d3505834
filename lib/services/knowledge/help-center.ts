import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { checkPerIpRateLimit } from "@/lib/rate-limit/limiter";
import { search } from "@/lib/search";
import { listCategories } from "@/lib/services/knowledge/list-categories";
import { articlesFor } from "@/lib/services/knowledge/search-articles";

// The public help center: no sign-in and no actor, only the workspace named in the
// address. Every read here is of published articles; drafts never leave the app.

/** The workspace a help-center address names, or null (read once per request: metadata and page share it). */
export const findHelpCenter = cache(async (workspaceSlug: string) => {
  if (!/^[a-z0-9-]{1,64}$/.test(workspaceSlug)) return null;
  return prisma.workspace.findUnique({ where: { slug: workspaceSlug }, select: { id: true, name: true, slug: true } });
});

type HelpCenter = NonNullable<Awaited<ReturnType<typeof findHelpCenter>>>;

/** Published articles grouped by category (categories in order, empty ones left out; the rest under "More"). */
export async function listHelpCenterSections(center: HelpCenter) {
  const scope = { workspaceId: center.id };
  const [categories, articles] = await Promise.all([
    listCategories(scope),
    prisma.article.findMany({
      where: { workspaceId: center.id, status: "published" },
      orderBy: [{ title: "asc" }],
      select: { title: true, slug: true, categoryId: true },
      take: 500,
    }),
  ]);
  const sections = categories
    .map((c) => ({ id: c.id, name: c.name, slug: c.slug, articles: articles.filter((a) => a.categoryId === c.id) }))
    .filter((s) => s.articles.length);
  const known = new Set(categories.map((c) => c.id));
  const rest = articles.filter((a) => !a.categoryId || !known.has(a.categoryId));
  if (rest.length) sections.push({ id: "more", name: "More", slug: "more", articles: rest });
  return sections;
}

/** Published articles matching what a visitor typed. */
export async function searchHelpCenter(center: HelpCenter, q: string, ip: string | null, limit = 20) {
  // Per address, before any search runs; a limiter that cannot count lets the search through.
  const decision = await checkPerIpRateLimit("help-search", ip).catch(() => null);
  if (decision && !decision.allowed) return { items: [], retryAfterS: decision.resetS };
  const scope = { workspaceId: center.id };
  const hits = await search.articles(scope, { q, status: "published", limit });
  return { items: await articlesFor(scope, hits.items), retryAfterS: null };
}

/** One published article by its slug, or null (a draft is as unknown as a missing one). */
export const getHelpCenterArticle = cache(async (center: HelpCenter, articleSlug: string) => {
  if (!/^[a-z0-9-]{1,80}$/.test(articleSlug)) return null;
  return prisma.article.findFirst({
    where: { workspaceId: center.id, slug: articleSlug, status: "published" },
    select: {
      title: true,
      slug: true,
      body: true,
      updatedAt: true,
      publishedAt: true,
      category: { select: { name: true, slug: true } },
    },
  });
});
