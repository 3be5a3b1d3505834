import { scopeAllows, type Scope } from "@/lib/auth/scopes";
import { roleAtLeast } from "@/lib/auth/roles";
import { toolsetOfFamily } from "@/lib/auth/toolsets";
import type { Role } from "@/lib/generated/prisma/enums";
import type { AnyTool } from "@/lib/mcp/tool";

/**
 * What the permission check knows about the caller, and all it knows: tools/list is cached per
 * distinct value of this shape, so a field the check reads must be a field here.
 */
export type Caller = {
  scopes: readonly string[];
  role: Role | null;
  actsAsUser: boolean;
  /** The toolsets the credential is limited to; empty or absent: every toolset. */
  toolsets?: readonly string[];
  /**
   * The credential can ask for more scopes (an OAuth token: its client re-authorizes). Keys and
   * personal tokens cannot: their scopes are fixed when they are made.
   */
  canStepUp?: boolean;
};

export type ToolRefusal = {
  error: "insufficient_scope" | "user_required" | "admin_required" | "owner_required" | "toolset_not_granted";
  message: string;
  toolset?: string;
  required_scope?: string;
  required_role?: Role;
};

/** Null when the caller may call the tool; otherwise the precise refusal. */
export function checkToolAccess(tool: AnyTool, caller: Caller): ToolRefusal | null {
  if (caller.toolsets?.length) {
    const toolset = toolsetOfFamily(tool.scopes[0].split(":")[0]!);
    if (!caller.toolsets.includes(toolset)) {
      return {
        error: "toolset_not_granted",
        message: `${tool.name} is in the ${toolset} toolset, and this credential is limited to ${caller.toolsets.join(", ")}. Use a key or connection that includes ${toolset}.`,
        toolset,
      };
    }
  }
  const missing = tool.scopes.find((scope) => !scopeAllows(caller.scopes, scope));
  if (missing) {
    return {
      error: "insufficient_scope",
      message: `${tool.name} needs the ${missing} scope (or ${missing.endsWith(":read") ? "mcp:read" : "mcp:write"}), which this credential does not carry.`,
      required_scope: missing,
    };
  }
  if (tool.needsUser && !caller.actsAsUser) {
    return {
      error: "user_required",
      message: `${tool.name} acts as a person: use a user-level key, a personal token or an OAuth connection, not an org-level key.`,
    };
  }
  if (!roleAtLeast(caller.role, tool.role)) {
    return {
      error: tool.role === "owner" ? "owner_required" : "admin_required",
      message: `${tool.name} needs the ${tool.role} role; this credential acts as ${caller.role ?? "nobody"}.`,
      required_role: tool.role,
    };
  }
  return null;
}

/**
 * The scopes a caller that can step up should ask for to call the tool: null when it may call the
 * tool already, cannot step up, or would still be refused with those scopes (the role, the toolset
 * limit or the user binding refuse it, and no consent changes those).
 */
export function stepUpScopesFor(tool: AnyTool, caller: Caller): Scope[] | null {
  if (!caller.canStepUp) return null;
  const missing = tool.scopes.filter((scope) => !scopeAllows(caller.scopes, scope));
  if (missing.length === 0) return null;
  return checkToolAccess(tool, { ...caller, scopes: [...caller.scopes, ...missing] }) === null ? missing : null;
}
