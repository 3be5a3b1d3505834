import { z } from "zod";
import { prisma } from "@/lib/db";
import { identityOf, rateLimitStatus } from "@/lib/rate-limit/limiter";
import { limitsFor } from "@/lib/rate-limit/policies";
import { getMonthlyBudget } from "@/lib/services/governance/get-monthly-budget";
import { DESTRUCTIVE, defineTool, READ, WRITE } from "@/lib/mcp/tool";

import { createTeam } from "@/lib/services/teams/create-team";
import { listTeams } from "@/lib/services/teams/list-teams";
import { deleteUser } from "@/lib/services/users/delete-user";
import { inviteUser } from "@/lib/services/users/invite-user";
import { listAgents } from "@/lib/services/users/list-agents";
import { CreateTeamSchema, DeleteUserSchema, InviteUserSchema } from "@/lib/validations/users";

export const USER_TOOLS = [
  defineTool({
    name: "get_me",
    title: "Who am I",
    description:
      "The identity this connection acts as: user (null for org-level keys), role, workspace, plan tier, the credential's kind and granted scopes.",
    input: z.object({}),
    output: z.object({
      user: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
      role: z.string().nullable(),
      workspace: z.object({ id: z.string(), name: z.string(), slug: z.string(), plan: z.string() }),
      credential: z.object({ id: z.string(), kind: z.string(), name: z.string(), org_level: z.boolean() }),
      scopes: z.array(z.string()),
      rate_limits: z.object({
        plan: z.string(),
        windows: z.array(
          z.object({
            window: z.string(),
            limit: z.number().int(),
            remaining: z.number().int(),
            reset_s: z.number().int(),
          }),
        ),
      }),
    }),
    scopes: ["users:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: async (ctx) => {
      const [workspace, user] = await Promise.all([
        prisma.workspace.findUniqueOrThrow({
          where: { id: ctx.workspaceId },
          select: { id: true, name: true, slug: true, planTier: true, rateLimitOverrides: true },
        }),
        ctx.userId
          ? prisma.user.findUnique({ where: { id: ctx.userId }, select: { id: true, name: true, email: true } })
          : null,
      ]);
      return {
        user,
        role: ctx.userId ? ctx.role : null,
        workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug, plan: workspace.planTier },
        credential: {
          id: ctx.credential?.id ?? "",
          kind: ctx.credential?.kind ?? "session",
          name: ctx.credential?.name ?? "",
          org_level: !ctx.userId,
        },
        scopes: [...(ctx.scopes ?? [])],
        rate_limits: {
          plan: workspace.planTier,
          windows: await rateLimitStatus({
            identity: identityOf({ userId: ctx.userId, orgWorkspaceId: ctx.workspaceId }),
            limits: limitsFor(workspace.planTier, workspace.rateLimitOverrides),
            monthlyBudget: await getMonthlyBudget(ctx),
          }),
        },
      };
    },
  }),
  defineTool({
    name: "list_agents",
    title: "List agents",
    description: "Active agents of the workspace with their ids and roles (use an id with assign_ticket).",
    input: z.object({}),
    output: z.object({
      items: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() })),
    }),
    scopes: ["users:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: async (ctx) => ({ items: await listAgents(ctx) }),
  }),
  defineTool({
    name: "list_teams",
    title: "List teams",
    description: "Teams (departments) with ids and member counts (use an id with transfer_ticket).",
    input: z.object({}),
    output: z.object({
      items: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          description: z.string().nullable(),
          member_count: z.number().int(),
        }),
      ),
    }),
    scopes: ["teams:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: async (ctx) => ({ items: await listTeams(ctx) }),
  }),
  defineTool({
    name: "create_team",
    title: "Create team",
    description: "Create a team (department). Admins only.",
    input: CreateTeamSchema,
    output: z.object({ id: z.string(), name: z.string(), description: z.string().nullable() }),
    scopes: ["teams:write"],
    role: "admin",
    needsUser: false,
    annotations: WRITE,
    handler: (ctx, input) => createTeam(ctx, input),
  }),
  defineTool({
    name: "invite_user",
    title: "Invite user",
    description:
      "Invite a person to the workspace as agent or admin. Makes a single-use invitation that expires in seven days; the result says the invitation was made but carries no link or password: an admin copies the link from Admin → Agents in the web app and sends it to the person, who sets their own password. Inviting the same email again withdraws the earlier invitation. Admins only, and only as a person (not with an org-level key).",
    input: InviteUserSchema,
    output: z.object({
      invitation_id: z.string(),
      email: z.string(),
      role: z.string(),
      expires_at: z.string(),
      next_step: z.string(),
    }),
    scopes: ["users:write"],
    role: "admin",
    needsUser: true,
    annotations: WRITE,
    // The link is the invitation's secret: it never enters a tool result (or a model's context).
    handler: async (ctx, input) => {
      const { invitation } = await inviteUser(ctx, input);
      return {
        ...invitation,
        next_step: `Invitation made. An admin copies the invitation link for ${invitation.email} from Admin → Agents in the web app and sends it to them; it works once and expires at ${invitation.expires_at}.`,
      };
    },
  }),
  defineTool({
    name: "delete_user",
    title: "Remove user",
    description:
      "Remove a person from the workspace: deactivates them, unassigns their open tickets and revokes their tokens and authorized apps. Their history stays. Only an owner removes an owner, and the last owner cannot be removed. Admins only, as a person.",
    input: DeleteUserSchema,
    output: z.object({
      user_id: z.string(),
      deactivated: z.boolean(),
      unassigned_tickets: z.number().int(),
      revoked_credentials: z.number().int(),
      revoked_apps: z.number().int(),
    }),
    scopes: ["users:write"],
    role: "admin",
    needsUser: true,
    annotations: DESTRUCTIVE,
    handler: (ctx, input) => deleteUser(ctx, input),
  }),
];
