import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";

/** The workspace's knowledge categories in order, each with how many articles it holds (and how many are published). */
export async function listCategories(ctx: Pick<ActorContext, "workspaceId">) {
  const [categories, counts] = await Promise.all([
    prisma.knowledgeCategory.findMany({
      where: inWorkspace(ctx),
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, slug: true, position: true },
    }),
    prisma.article.groupBy({
      by: ["categoryId", "status"],
      where: inWorkspace(ctx),
      _count: { _all: true },
    }),
  ]);
  return categories.map((c) => {
    const mine = counts.filter((n) => n.categoryId === c.id);
    return {
      ...c,
      article_count: mine.reduce((sum, n) => sum + n._count._all, 0),
      published_count: mine.filter((n) => n.status === "published").reduce((sum, n) => sum + n._count._all, 0),
    };
  });
}
