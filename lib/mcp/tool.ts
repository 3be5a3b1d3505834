import type { z } from "zod";
import type { ContentBlock } from "@modelcontextprotocol/server";
import type { Scope } from "@/lib/auth/scopes";
import type { ActorContext } from "@/lib/context";
import type { Role } from "@/lib/generated/prisma/enums";

export type ToolAnnotations = {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
};

/**
 * One registry entry: everything tools/list, the permission check, the consent
 * text, the docs page and the permission tests need to know about a tool.
 */
export type ToolDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  name: string;
  title: string;
  /** Written for a model: what it does, when to use it, what it returns. */
  description: string;
  input: I;
  output: O;
  /** Every scope the call needs (each may also be satisfied by mcp:read / mcp:write). */
  scopes: [Scope, ...Scope[]];
  /** The least role of the acting user (org-level keys act as admin). */
  role: Role;
  /** True when the tool acts as a person: org-level keys get user_required. */
  needsUser: boolean;
  annotations: ToolAnnotations;
  /** The write that records an agent's review, so the workspace's lockdown lets it through. */
  unlocksLockdown?: boolean;
  handler: (ctx: ActorContext, input: z.output<I>) => Promise<z.input<O>>;
  /** Content blocks after the result's JSON text (a resource_link to a file, say). */
  extraContent?: (output: z.input<O>) => ContentBlock[];
};

export type AnyTool = ToolDefinition<z.ZodType, z.ZodType>;

/** Keeps the input and output types of a tool tied to its handler. */
export function defineTool<I extends z.ZodType, O extends z.ZodType>(tool: ToolDefinition<I, O>): AnyTool {
  return tool as unknown as AnyTool;
}

export const READ: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};
export const WRITE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: false,
};
export const IDEMPOTENT_WRITE: ToolAnnotations = { ...WRITE, idempotentHint: true };
export const DESTRUCTIVE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: true,
  openWorldHint: false,
};
