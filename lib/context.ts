import type { Role, Via } from "@/lib/generated/prisma/enums";

/**
 * Who is acting, in which workspace, through which channel. Every service takes
 * one and scopes every query to `workspaceId`.
 */
export type ActorContext = {
  workspaceId: string;
  /** Null for org-level API keys, which act as the workspace itself. */
  userId: string | null;
  /** The acting user's role; org-level keys act with admin rights on workspace data. */
  role: Role | null;
  via: Via;
  /** The credential an MCP call came with; for OAuth the id is the grant's. */
  credential?: {
    id: string;
    name: string;
    kind: "workspace_key" | "personal_token" | "oauth";
    /** When the key or token expires (for OAuth, the access token); null when it does not. */
    expiresAt?: Date | null;
    /** Replies through it are drafts an agent sends, whatever the workspace setting. */
    draftsOnly?: boolean;
  };
  ip?: string | null;
  /** The scopes the credential carries (MCP calls). */
  scopes?: readonly string[];
  /** The toolsets the credential is limited to (MCP calls); empty or absent: every toolset. */
  toolsets?: readonly string[];
  /** The credential itself asks destructive MCP actions to confirm (its keys inherit it). */
  confirmDestructive?: boolean;
  /** MCP calls: whether the workspace's lockdown was on when the credential was verified (kept current by access changes). */
  lockdown?: boolean;
  /** Set while a macro applies its actions, so each ticket activity row names the macro. */
  macro?: { id: string; name: string };
  /** Set while automation rules act: the rules that led here, oldest first (events carry it on). */
  chain?: { depth: number; ruleIds: string[] };
};

/** The `where` fragment that keeps a query inside the actor's workspace. */
export function inWorkspace(ctx: Pick<ActorContext, "workspaceId">): { workspaceId: string } {
  return { workspaceId: ctx.workspaceId };
}
