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
  /**
   * What the tool sends outside Deskbridge (a customer email, a webhook): such a tool is openWorld.
   * A tool that only sometimes sends (a reply on an email ticket) is tagged too.
   */
  sends?: "email" | "webhook";
  /** For a bulk tool, how many tickets a call changes: over the workspace's threshold it asks for confirmation. */
  ticketCount?: (input: z.output<I>) => number;
  handler: (ctx: ActorContext, input: z.output<I>) => Promise<z.input<O>>;
  /** Content blocks after the result's JSON text (a resource_link to a file, say). */
  extraContent?: (output: z.input<O>) => ContentBlock[];
};

export type AnyTool = Omit<ToolDefinition<z.ZodType, z.ZodType>, "ticketCount"> & {
  ticketCount?: (input: unknown) => number;
};

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
/** A write that reaches outside Deskbridge (email, webhooks): pair it with the tool's `sends` tag. */
export const SENDING_WRITE: ToolAnnotations = { ...WRITE, openWorldHint: true };
