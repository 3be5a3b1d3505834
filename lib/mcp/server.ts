import "server-only";
import { z } from "zod";
import {
  McpServer,
  ProtocolError,
  ProtocolErrorCode,
  type AuthInfo,
  type CallToolResult,
  type Tool,
} from "@modelcontextprotocol/server";
import type { ActorContext } from "@/lib/context";
import type { VerifiedCredential } from "@/lib/credentials/verify-bearer";
import { fieldErrorsOf, toAppError } from "@/lib/errors";
import { auditRow } from "@/lib/services/audit/record-audit";
import { enqueueAudit, flushAuditOnExit } from "@/lib/mcp/audit-buffer";
import { checkToolAccess, type Caller } from "@/lib/mcp/permissions";
import type { AnyTool } from "@/lib/mcp/tool";
import { TOOLS, TOOLS_BY_NAME } from "@/lib/mcp/tools";

export const SERVER_INFO = { name: "deskbridge", title: "Deskbridge helpdesk", version: "1.0.0" };

const INSTRUCTIONS =
  "Deskbridge is a helpdesk. Tickets are addressed by number. Start with search_tickets or get_ticket_context; use list_agents and list_teams for ids before assign_ticket or transfer_ticket. Every change is recorded in the ticket's history under the connected identity.";

/** What the MCP layer knows about the caller after the bearer check. */
export type McpAuth = {
  credential: VerifiedCredential;
  ip: string | null;
  /** set when a tool call failed, for usage counts */ failed?: boolean;
};

export function toAuthInfo(auth: McpAuth, token: string, resource: string): AuthInfo {
  return {
    token,
    clientId: auth.credential.id,
    scopes: auth.credential.scopes,
    expiresAt: auth.credential.expiresAt ? Math.floor(auth.credential.expiresAt.getTime() / 1000) : undefined,
    resource: new URL(resource),
    extra: { deskbridge: auth },
  };
}

function authFrom(info: AuthInfo | undefined): McpAuth {
  const auth = info?.extra?.deskbridge as McpAuth | undefined;
  if (!auth) throw new ProtocolError(ProtocolErrorCode.InvalidRequest, "Not authenticated.");
  return auth;
}

/**
 * Tool arguments are strict: an unknown key is refused by name rather than
 * dropped (a misspelt filter must not silently list everything), and the
 * published schema says so with additionalProperties: false.
 */
const STRICT_INPUTS = new Map<string, z.ZodType>(
  TOOLS.map((tool) => [tool.name, tool.input instanceof z.ZodObject ? tool.input.strict() : tool.input]),
);

/**
 * JSON Schema as every client reads it: nullable fields as anyOf branches of
 * one type each, not a type array (which single-type dialects reject), and
 * free-form objects as additionalProperties: true.
 */
function portable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(portable);
  if (!schema || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = portable(value);
  // A free-form object says so with true rather than an empty schema that reads as "anything, unchecked".
  const extra = out.additionalProperties;
  if (extra && typeof extra === "object" && Object.keys(extra).length === 0) out.additionalProperties = true;
  const type = out.type;
  if (Array.isArray(type) && type.length > 1) {
    const rest = Object.fromEntries(Object.entries(out).filter(([key]) => key !== "type"));
    const branches = type.map((t: string) => (t === "null" ? { type: "null" } : { type: t, ...rest }));
    const shared = Object.fromEntries(
      Object.entries(rest).filter(([key]) => key === "description" || key === "title" || key === "default"),
    );
    return { ...shared, anyOf: branches };
  }
  return out;
}

function jsonSchemaOf(schema: z.ZodType, io: "input" | "output") {
  return portable(z.toJSONSchema(schema, { io, unrepresentable: "any" }));
}

/** The MCP tool definition as tools/list shows it, computed once per tool. */
function describeTool(tool: AnyTool): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: jsonSchemaOf(STRICT_INPUTS.get(tool.name)!, "input") as Tool["inputSchema"],
    outputSchema: jsonSchemaOf(tool.output, "output") as Tool["outputSchema"],
    annotations: { title: tool.title, ...tool.annotations },
    _meta: { "deskbridge/scopes": tool.scopes, "deskbridge/role": tool.role, "deskbridge/needs_user": tool.needsUser },
  };
}

const DESCRIPTIONS = new Map(TOOLS.map((tool) => [tool.name, describeTool(tool)]));
const LIST_CACHE = new Map<string, Tool[]>();

/** tools/list for a caller: only the tools it could call. Cached per permission shape. */
export function listToolsFor(caller: Caller): Tool[] {
  const key = `${[...caller.scopes].sort().join(" ")}|${caller.role ?? ""}|${caller.userId ? "user" : "org"}`;
  let tools = LIST_CACHE.get(key);
  if (!tools) {
    tools = TOOLS.filter((tool) => checkToolAccess(tool, caller) === null).map((tool) => DESCRIPTIONS.get(tool.name)!);
    if (LIST_CACHE.size > 1_000) LIST_CACHE.clear();
    LIST_CACHE.set(key, tools);
  }
  return tools;
}

/**
 * A tool refusal: {error, message, required_scope?} as the JSON text of the
 * first content item. No structuredContent, because clients check that against
 * the tool's output schema, which describes success; SDK 1.x clients throw on
 * a mismatch and the message would be lost.
 */
function errorResult(body: Record<string, unknown>): CallToolResult {
  return { isError: true, content: [{ type: "text", text: JSON.stringify(body) }] };
}

/** Field → messages; an unknown argument is named, with the arguments the tool takes. */
function argumentErrorsOf(tool: AnyTool, error: z.ZodError) {
  const unknown = error.issues.flatMap((issue) => (issue.code === "unrecognized_keys" ? issue.keys : []));
  const fields = fieldErrorsOf(
    new z.ZodError(error.issues.filter((issue) => !(issue.code === "unrecognized_keys" && issue.path.length === 0))),
  );
  if (unknown.length) {
    const accepted = tool.input instanceof z.ZodObject ? Object.keys(tool.input.shape) : [];
    const takes = accepted.length ? `it takes ${accepted.join(", ")}` : "it takes no arguments";
    for (const key of unknown) fields[key] = [`${key} is not an argument of ${tool.name}; ${takes}`];
  }
  return fields;
}

function callerOf(credential: VerifiedCredential): Caller {
  return { scopes: credential.scopes, role: credential.role, userId: credential.userId };
}

export function actorOf(auth: McpAuth): ActorContext {
  const { credential } = auth;
  return {
    workspaceId: credential.workspaceId,
    userId: credential.userId,
    role: credential.role,
    via: "mcp",
    credential: { id: credential.id, name: credential.name, kind: credential.kind, expiresAt: credential.expiresAt },
    ip: auth.ip,
    scopes: credential.scopes,
  };
}

/** tools/call: permission check, argument validation, the service call, one audit row. */
export async function callTool(auth: McpAuth, name: string, args: unknown): Promise<CallToolResult> {
  const tool = TOOLS_BY_NAME.get(name);
  if (!tool)
    throw new ProtocolError(
      ProtocolErrorCode.InvalidParams,
      `Unknown tool: ${name}. Call tools/list for the tools this credential can use.`,
    );
  const ctx = actorOf(auth);
  const started = performance.now();
  let outcome = "ok";
  try {
    const refusal = checkToolAccess(tool, callerOf(auth.credential));
    if (refusal) {
      outcome = refusal.error;
      return errorResult(refusal);
    }
    const parsed = STRICT_INPUTS.get(tool.name)!.safeParse(args ?? {});
    if (!parsed.success) {
      const fields = argumentErrorsOf(tool, parsed.error);
      outcome = "validation_error";
      const summary = Object.entries(fields)
        .map(([field, messages]) => `${field}: ${messages.join("; ")}`)
        .join(", ");
      return errorResult({ error: "validation_error", message: `Invalid arguments for ${name} (${summary}).`, fields });
    }
    const result = (await tool.handler(ctx, parsed.data)) as Record<string, unknown>;
    return { content: [{ type: "text", text: JSON.stringify(result) }], structuredContent: result };
  } catch (error) {
    const appError = toAppError(error);
    outcome = appError.code;
    return errorResult({
      error: appError.code,
      message: appError.message,
      ...(appError.fields ? { fields: appError.fields } : {}),
      ...(appError.details ?? {}),
    });
  } finally {
    if (outcome !== "ok") auth.failed = true;
    enqueueAudit(auditRow(ctx, { action: name, outcome, latencyMs: Math.round(performance.now() - started) }));
  }
}

flushAuditOnExit();

/**
 * A server for one request. The SDK binds a server to one transport, so this
 * is built per request; it holds only two handlers over the module-level
 * registry, so building it is cheap.
 */
export function buildMcpServer(): McpServer {
  const server = new McpServer(SERVER_INFO, {
    capabilities: { tools: { listChanged: false }, logging: {} },
    instructions: INSTRUCTIONS,
  });
  server.server.setRequestHandler("tools/list", (_request, ctx) => ({
    tools: listToolsFor(callerOf(authFrom(ctx.http?.authInfo).credential)),
  }));
  // Deskbridge sends no log notifications; the level is accepted so clients that set it work.
  server.server.setRequestHandler("logging/setLevel", () => ({}));
  server.server.setRequestHandler("tools/call", (request, ctx) =>
    callTool(authFrom(ctx.http?.authInfo), request.params.name, request.params.arguments),
  );
  return server;
}
