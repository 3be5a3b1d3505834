import "server-only";
import type { ActorContext } from "@/lib/context";
import { inWorkspace } from "@/lib/context";
import { prisma } from "@/lib/db";
import { visibleMacros } from "@/lib/services/macros/macro-access";
import { COMPLETION_MAX, type Completion } from "@/lib/services/completions/complete-ticket-numbers";

// Name completions for prompt and template arguments: tags, agents, teams, macros and articles of
// the actor's workspace whose name contains the typed text, alphabetically, at most 100.

const TAKE = COMPLETION_MAX + 1;

function page(values: string[]): Completion {
  return { values: values.slice(0, COMPLETION_MAX), hasMore: values.length > COMPLETION_MAX };
}

const containing = (value: string) => {
  const text = value.trim();
  return text ? { contains: text, mode: "insensitive" as const } : undefined;
};

export async function completeTagNames(ctx: ActorContext, value: string): Promise<Completion> {
  const rows = await prisma.tag.findMany({
    where: { ...inWorkspace(ctx), name: containing(value) },
    orderBy: { name: "asc" },
    take: TAKE,
    select: { name: true },
  });
  return page(rows.map((r) => r.name));
}

export async function completeAgentNames(ctx: ActorContext, value: string): Promise<Completion> {
  const rows = await prisma.membership.findMany({
    where: { ...inWorkspace(ctx), deactivatedAt: null, user: { deactivatedAt: null, name: containing(value) } },
    orderBy: { user: { name: "asc" } },
    take: TAKE,
    select: { user: { select: { name: true } } },
  });
  return page(rows.map((r) => r.user.name));
}

export async function completeTeamNames(ctx: ActorContext, value: string): Promise<Completion> {
  const rows = await prisma.team.findMany({
    where: { ...inWorkspace(ctx), name: containing(value) },
    orderBy: { name: "asc" },
    take: TAKE,
    select: { name: true },
  });
  return page(rows.map((r) => r.name));
}

/** Names of the macros the actor may apply (shared ones and their own). */
export async function completeMacroNames(ctx: ActorContext, value: string): Promise<Completion> {
  const rows = await prisma.macro.findMany({
    where: { ...visibleMacros(ctx), name: containing(value) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: TAKE,
    select: { name: true },
  });
  return page([...new Set(rows.map((r) => r.name))]);
}

/** Articles by title: the values are their slugs, which the article resource and get_article take. */
export async function completeArticleSlugs(ctx: ActorContext, value: string): Promise<Completion> {
  const text = value.trim();
  const rows = await prisma.article.findMany({
    where: {
      ...inWorkspace(ctx),
      ...(text
        ? { OR: [{ title: { contains: text, mode: "insensitive" } }, { slug: { startsWith: text.toLowerCase() } }] }
        : {}),
    },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: TAKE,
    select: { slug: true },
  });
  return page(rows.map((r) => r.slug));
}
