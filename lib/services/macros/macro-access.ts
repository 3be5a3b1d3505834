import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MacroActions } from "@/lib/validations/macros";

/** Shared macros and the actor's own personal ones: nobody sees another person's personal macros. */
export function visibleMacros(ctx: ActorContext): Prisma.MacroWhereInput {
  return {
    ...inWorkspace(ctx),
    OR: [{ ownerUserId: null }, ...(ctx.userId ? [{ ownerUserId: ctx.userId }] : [])],
  };
}

export const MACRO_SELECT = {
  id: true,
  name: true,
  description: true,
  ownerUserId: true,
  owner: { select: { id: true, name: true } },
  actions: true,
  usageCount: true,
  lastUsedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.MacroSelect;

type MacroRow = Prisma.MacroGetPayload<{ select: typeof MACRO_SELECT }>;

export function toMacroJson(m: MacroRow) {
  return {
    id: m.id,
    name: m.name,
    description: m.description,
    shared: m.ownerUserId === null,
    owner: m.owner ? { id: m.owner.id, name: m.owner.name } : null,
    actions: m.actions as MacroActions,
    usage_count: m.usageCount,
    last_used_at: m.lastUsedAt?.toISOString() ?? null,
    created_at: m.createdAt.toISOString(),
    updated_at: m.updatedAt.toISOString(),
  };
}
export type MacroJson = ReturnType<typeof toMacroJson>;

export async function findVisibleMacro(db: Prisma.TransactionClient, ctx: ActorContext, id: string) {
  const macro = await db.macro.findFirst({ where: { ...visibleMacros(ctx), id }, select: MACRO_SELECT });
  if (!macro) throw notFound("Macro");
  return macro;
}

/**
 * Who may keep a macro or snippet: shared ones are the workspace's, so admins and owners manage
 * them; personal ones belong to a user, so an org-level key (no user) cannot own one.
 */
export function assertCanManage(ctx: ActorContext, shared: boolean, what: "macros" | "snippets") {
  if (shared) {
    if (!roleAtLeast(ctx.role, "admin"))
      throw new AppError("admin_required", `Only admins and owners create or change shared ${what}.`, {
        details: { required_role: "admin" },
      });
    return;
  }
  if (!ctx.userId)
    throw new AppError(
      "user_required",
      `Personal ${what} belong to a user: use a user-bound credential, or set shared to true.`,
    );
}

/** Refuses a macro whose team or assignee does not exist in the workspace, naming the field. */
export async function checkActionReferences(db: Prisma.TransactionClient, ctx: ActorContext, actions: MacroActions) {
  const fields: Record<string, string[]> = {};
  if (actions.team) {
    const team = await db.team.findFirst({ where: { ...inWorkspace(ctx), id: actions.team }, select: { id: true } });
    if (!team) fields["actions.team"] = ["no team with this id in the workspace (see list_teams)"];
  }
  if (actions.assignee && actions.assignee !== "me" && actions.assignee !== "unassigned") {
    const member = await db.membership.findFirst({
      where: { ...inWorkspace(ctx), userId: actions.assignee, deactivatedAt: null, user: { deactivatedAt: null } },
      select: { id: true },
    });
    if (!member)
      fields["actions.assignee"] = [
        'no active agent with this id in the workspace: use an id from list_agents, "me" or "unassigned"',
      ];
  }
  if (Object.keys(fields).length) {
    const summary = Object.entries(fields)
      .map(([f, m]) => `${f}: ${m.join("; ")}`)
      .join(", ");
    throw new AppError("validation_error", `Invalid input (${summary}).`, { fields });
  }
}
