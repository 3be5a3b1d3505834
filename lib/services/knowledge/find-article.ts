import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound } from "@/lib/errors";

/** The id of the workspace's article with this id or slug, or not_found. */
export async function findArticleId(ctx: ActorContext, ref: string): Promise<string> {
  const article = await prisma.article.findFirst({
    where: { ...inWorkspace(ctx), OR: [{ id: ref }, { slug: ref.toLowerCase() }] },
    select: { id: true },
  });
  if (!article) throw notFound("Article");
  return article.id;
}
