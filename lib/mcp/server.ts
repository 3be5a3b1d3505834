import "server-only";
import { z } from "zod";
import {
  McpServer,
  ProtocolError,
  ProtocolErrorCode,
  SUPPORTED_PROTOCOL_VERSIONS,
  type AuthInfo,
  type CallToolResult,
  type DiscoverResult,
  type InputRequiredResult,
  type ReadResourceResult,
  type ServerCapabilities,
  type ServerContext,
  type Tool,
} from "@modelcontextprotocol/server";
import type { ActorContext } from "@/lib/context";
import type { VerifiedCredential } from "@/lib/credentials/verify-bearer";
import { fieldErrorsOf, toAppError } from "@/lib/errors";
import { auditRow } from "@/lib/services/audit/record-audit";
import { enqueueAudit, flushAuditOnExit } from "@/lib/mcp/audit-buffer";
import { checkToolAccess, stepUpScopesFor, type Caller } from "@/lib/mcp/permissions";
import type { AnyTool } from "@/lib/mcp/tool";
import { guardTicketWrite } from "@/lib/mcp/ticket-guard";
import { TOOLS, TOOLS_BY_NAME } from "@/lib/mcp/tools";
import { checkSurface, DEFAULT_SURFACE, surfaceLists, type Surface } from "@/lib/mcp/toolsets";
import { complete } from "@/lib/mcp/completions";
import { getPrompt, listPrompts } from "@/lib/mcp/prompts";
import { listResources, listResourceTemplates, readResource } from "@/lib/mcp/resources";
import {
  channelOf,
  CONFIRM_ARGUMENT,
  CONFIRM_ARGUMENT_SCHEMA,
  confirmCall,
  mayAskConfirmation,
} from "@/lib/mcp/confirmation";
import { iconsOf, toolIcons } from "@/lib/mcp/icons";

export const SERVER_INFO = { name: "deskbridge", title: "Deskbridge helpdesk", version: "1.0.0" };

const INSTRUCTIONS =
  "Deskbridge is a helpdesk. Tickets are addressed by number. Start with search_tickets or get_ticket_context; use list_agents and list_teams for ids before assign_ticket or transfer_ticket. Tickets, conversations, contacts, articles and saved views are also resources (deskbridge://tickets/{number}); prompts offer triage, reply drafts, handover summaries, a weekly report and the shared macros. Every change is recorded in the ticket's history under the connected identity.";

/**
 * The revisions this URL serves: 2026-07-28 through server/discover, and the 2025 (and older)
 * revisions through initialize. server/discover names them all, newest first.
 */
export const SERVED_PROTOCOL_VERSIONS: readonly string[] = ["2026-07-28", ...SUPPORTED_PROTOCOL_VERSIONS];

/** What the MCP layer knows about the caller after the bearer check. */
export type McpAuth = { readonly credential: VerifiedCredential; readonly ip: string | null };

/** One request, as the server built for it sees it: who calls, and who hears how each tool call ended. */
export type McpCall = {
  readonly auth: McpAuth;
  /** The tools this connection chose to see and call (toolsets, read-only). */
  readonly surface: Surface;
  /** "ok", or the refusal or error code the call answered (usage counts the request as an error). */
  readonly onToolOutcome: (outcome: string) => void;
};

/** The call the route handed the SDK with the request (the SDK passes authInfo through untouched). */
export function callOf(info: AuthInfo | undefined): McpCall {
  const call = info?.extra?.deskbridge as McpCall | undefined;
  if (!call) throw new ProtocolError(ProtocolErrorCode.InvalidRequest, "Not authenticated.");
  return call;
}

/**
 * Tool arguments are strict: an unknown key is refused by name rather than
 * dropped (a misspelt filter must not silently list everything), and the
 * published schema says so with additionalProperties: false.
 */
const STRICT_INPUTS = new Map<string, z.ZodType>(
  TOOLS.map((tool) => [tool.name, tool.input instanceof z.ZodObject ? tool.input.strict() : tool.input]),
);

/** Formats that say all a pattern would: the pattern zod adds beside them only costs a client tokens. */
const SELF_DESCRIBING_FORMATS = new Set(["date", "date-time", "email", "uri", "uuid", "time", "duration"]);
const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

/**
 * JSON Schema as every client reads it, and as few tokens as it takes to say it: nullable fields as
 * anyOf branches of one type each, not a type array (which single-type dialects reject); free-form
 * objects as additionalProperties: true; no $schema (2020-12 is the MCP default); no safe-integer
 * bounds or patterns beside a self-describing format; a description said once, not again inside its
 * nullable branch; and outputs without additionalProperties: false or required lists (clients read
 * outputs, they never send them: the listed fields say what a result carries, and a required list on
 * every object cost about a tenth of tools/list).
 */
function portable(schema: unknown, io: "input" | "output", parentDescription?: unknown): unknown {
  if (Array.isArray(schema)) return schema.map((item) => portable(item, io, parentDescription));
  if (!schema || typeof schema !== "object") return schema;
  const source = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === "$schema") continue;
    if ((key === "minimum" && value === -SAFE_INTEGER) || (key === "maximum" && value === SAFE_INTEGER)) continue;
    if (key === "pattern" && typeof source.format === "string" && SELF_DESCRIBING_FORMATS.has(source.format)) continue;
    if (key === "description" && parentDescription !== undefined && value === parentDescription) continue;
    if (key === "additionalProperties" && value === false && io === "output") continue;
    if (key === "required" && io === "output") continue;
    out[key] = key === "anyOf" || key === "oneOf" ? portable(value, io, source.description) : portable(value, io);
  }
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
    return { ...shared, anyOf: branches.map((branch) => portable(branch, io, shared.description)) };
  }
  return out;
}

function jsonSchemaOf(schema: z.ZodType, io: "input" | "output") {
  return portable(z.toJSONSchema(schema, { io, unrepresentable: "any" }), io);
}

/** The published input schema; a tool that may ask for confirmation also takes the `confirm` token. */
function inputSchemaOf(tool: AnyTool): Tool["inputSchema"] {
  const schema = jsonSchemaOf(STRICT_INPUTS.get(tool.name)!, "input") as Tool["inputSchema"];
  if (!mayAskConfirmation(tool)) return schema;
  return { ...schema, properties: { ...schema.properties, [CONFIRM_ARGUMENT]: CONFIRM_ARGUMENT_SCHEMA } };
}

/** The MCP tool definition as tools/list shows it, computed once per tool. */
function describeTool(tool: AnyTool): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    icons: toolIcons(tool),
    inputSchema: inputSchemaOf(tool),
    outputSchema: jsonSchemaOf(tool.output, "output") as Tool["outputSchema"],
    // The title is said once, top-level (since 2025-06-18); every hint stays explicit.
    annotations: tool.annotations,
    // The role and user binding only where they are not the usual (agent, any credential).
    _meta: {
      "deskbridge/scopes": tool.scopes,
      ...(tool.role !== "agent" ? { "deskbridge/role": tool.role } : {}),
      ...(tool.needsUser ? { "deskbridge/needs_user": true } : {}),
    },
  };
}

// Built on first use: the icon URLs read the app's URL from the environment.
let descriptions: ReadonlyMap<string, Tool> | null = null;
function descriptionOf(tool: AnyTool): Tool {
  descriptions ??= new Map(TOOLS.map((t) => [t.name, describeTool(t)]));
  return descriptions.get(tool.name)!;
}

/**
 * tools/list per caller shape and surface, for the process's lifetime: the registry is fixed at
 * start-up and no workspace setting changes what a credential may list. The key is the whole
 * normalized shape and surface, and the list is computed from them alone, never from the caller who
 * missed, so an entry can only ever hold the list of its own key.
 */
const LIST_CACHE = new Map<string, Tool[]>();
const LIST_CACHE_MAX = 1_000;

function listShapeOf(caller: Caller): Caller {
  return {
    scopes: [...new Set(caller.scopes)].sort(),
    role: caller.role,
    actsAsUser: caller.actsAsUser,
    toolsets: [...new Set(caller.toolsets ?? [])].sort(),
    canStepUp: Boolean(caller.canStepUp),
  };
}

/** The _meta key that marks a tool listed beyond the grant, with the scopes a client asks for to call it. */
export const STEP_UP_META_KEY = "deskbridge/step_up_scopes";

/**
 * A tool as the caller's list shows it: as it is when the caller may call it; beyond the grant of a
 * caller that can step up, marked with the scopes to ask for; otherwise not at all.
 */
function listedAs(tool: AnyTool, caller: Caller): Tool | null {
  if (checkToolAccess(tool, caller) === null) return descriptionOf(tool);
  const missing = stepUpScopesFor(tool, caller);
  if (!missing) return null;
  const description = descriptionOf(tool);
  return { ...description, _meta: { ...description._meta, [STEP_UP_META_KEY]: missing } };
}

/**
 * tools/list for a caller on a surface: the tools it could call that the surface shows, and for an
 * OAuth caller also those its role allows beyond its grant, marked with the scopes to ask for.
 */
export function listToolsFor(caller: Caller, surface: Surface = DEFAULT_SURFACE): { tools: Tool[] } {
  const shape = listShapeOf(caller);
  const key = JSON.stringify([shape, surface.toolsets, surface.readonly]);
  let tools = LIST_CACHE.get(key);
  if (!tools) {
    tools = TOOLS.filter((tool) => surfaceLists(tool, surface)).flatMap((tool) => listedAs(tool, shape) ?? []);
    if (LIST_CACHE.size >= LIST_CACHE_MAX) LIST_CACHE.clear();
    LIST_CACHE.set(key, tools);
  }
  return { tools };
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

export function callerOf(credential: VerifiedCredential): Caller {
  return {
    scopes: credential.scopes,
    role: credential.role,
    actsAsUser: credential.userId !== null,
    toolsets: credential.toolsets,
    canStepUp: credential.kind === "oauth",
  };
}

export function actorOf(auth: McpAuth): ActorContext {
  const { credential } = auth;
  return {
    workspaceId: credential.workspaceId,
    userId: credential.userId,
    role: credential.role,
    via: "mcp",
    credential: {
      id: credential.id,
      name: credential.name,
      kind: credential.kind,
      expiresAt: credential.expiresAt,
      draftsOnly: credential.draftsOnly,
    },
    ip: auth.ip,
    scopes: credential.scopes,
    toolsets: credential.toolsets,
    confirmDestructive: credential.confirmation.byCredential,
    lockdown: credential.lockdown,
  };
}

/** Splits the `confirm` token off the arguments of a tool that may ask for confirmation. */
function splitConfirm(tool: AnyTool, args: unknown): { args: unknown; token?: unknown } {
  if (!mayAskConfirmation(tool) || !args || typeof args !== "object" || !(CONFIRM_ARGUMENT in args)) return { args };
  const { [CONFIRM_ARGUMENT]: token, ...rest } = args as Record<string, unknown>;
  return { args: rest, token };
}

/** How the request reached the tool: the protocol era and the SDK's context (input responses, capabilities). */
type CallSource = { era: "modern" | "legacy"; ctx: ServerContext };

/**
 * tools/call: permission check, argument validation, confirmation where the workspace or the
 * credential asks for it, the service call, one audit row.
 */
async function callTool(
  call: McpCall,
  name: string,
  rawArgs: unknown,
  source: CallSource,
): Promise<CallToolResult | InputRequiredResult> {
  const { auth } = call;
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
    const refusal = checkToolAccess(tool, callerOf(auth.credential)) ?? checkSurface(tool, call.surface);
    if (refusal) {
      outcome = refusal.error;
      return errorResult(refusal);
    }
    const { args, token } = splitConfirm(tool, rawArgs);
    const parsed = STRICT_INPUTS.get(tool.name)!.safeParse(args ?? {});
    if (!parsed.success || (token !== undefined && typeof token !== "string")) {
      const fields = parsed.success ? {} : argumentErrorsOf(tool, parsed.error);
      if (token !== undefined && typeof token !== "string")
        fields[CONFIRM_ARGUMENT] = ["confirm must be the confirm_token string a confirmation_required refusal gave"];
      outcome = "validation_error";
      const summary = Object.entries(fields)
        .map(([field, messages]) => `${field}: ${messages.join("; ")}`)
        .join(", ");
      return errorResult({ error: "validation_error", message: `Invalid arguments for ${name} (${summary}).`, fields });
    }
    await guardTicketWrite(ctx, tool, parsed.data);
    const asked = await confirmCall(
      tool,
      parsed.data,
      auth.credential,
      channelOf(source.era, source.ctx, token as string | undefined),
    );
    if (asked) {
      outcome = "input_required";
      return asked;
    }
    const result = (await tool.handler(ctx, parsed.data)) as Record<string, unknown>;
    return {
      content: [{ type: "text", text: JSON.stringify(result) }, ...(tool.extraContent?.(result) ?? [])],
      structuredContent: result,
    };
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
    // Asking the person is not a failure of the request.
    call.onToolOutcome(outcome === "input_required" ? "ok" : outcome);
    enqueueAudit(auditRow(ctx, { action: name, outcome, latencyMs: Math.round(performance.now() - started) }));
  }
}

flushAuditOnExit();

/** A read that is not a tool call (a resource, a prompt): one audit row, and its outcome counted like a tool's. */
async function auditedRead<T>(call: McpCall, action: string, run: () => Promise<{ outcome: string; value: T }>) {
  const ctx = actorOf(call.auth);
  const started = performance.now();
  let outcome = "internal_error";
  try {
    const result = await run();
    outcome = result.outcome;
    return result.value;
  } catch (error) {
    outcome = outcomeOf(error);
    throw error;
  } finally {
    call.onToolOutcome(outcome);
    enqueueAudit(auditRow(ctx, { action, outcome, latencyMs: Math.round(performance.now() - started) }));
  }
}

function outcomeOf(error: unknown): string {
  const data = error instanceof ProtocolError ? (error.data as { error?: unknown } | undefined) : undefined;
  return typeof data?.error === "string"
    ? data.error
    : error instanceof ProtocolError
      ? "invalid_params"
      : "internal_error";
}

/**
 * Capabilities per era. Logging is a capability of the 2025 revisions only (2026-07-28 deprecates
 * it); tools, resources, prompts and completions are served on both. No list changes are sent.
 */
function capabilitiesOf(era: "modern" | "legacy"): ServerCapabilities {
  return {
    tools: { listChanged: false },
    resources: { listChanged: false },
    prompts: { listChanged: false },
    completions: {},
    ...(era === "legacy" ? { logging: {} } : {}),
  };
}

/**
 * server/discover names every revision the URL serves. The SDK's own answer lists only the modern
 * ones (it leaves 2025 revisions to initialize) and offers no option for it, so its discover answer
 * is extended on this instance; the SDK still shapes and stamps the result.
 */
function discoverAllRevisions(server: McpServer) {
  const inner = server.server as unknown as { _ondiscover: () => DiscoverResult };
  const sdkDiscover = inner._ondiscover.bind(server.server);
  inner._ondiscover = () => ({ ...sdkDiscover(), supportedVersions: [...SERVED_PROTOCOL_VERSIONS] });
}

/**
 * A server for one request. The SDK binds a server to one transport, so this
 * is built per request; it holds only a few handlers over the module-level
 * registry, so building it is cheap.
 */
export function buildMcpServer(call: McpCall, era: "modern" | "legacy" = "legacy"): McpServer {
  const server = new McpServer(
    { ...SERVER_INFO, icons: iconsOf("deskbridge") },
    { capabilities: capabilitiesOf(era), instructions: INSTRUCTIONS },
  );
  if (era === "modern") discoverAllRevisions(server);
  const caller = () => callerOf(call.auth.credential);
  server.server.setRequestHandler("tools/list", () => listToolsFor(caller(), call.surface));
  // Deskbridge sends no log notifications; the level is accepted so clients that set it work.
  if (era === "legacy") server.server.setRequestHandler("logging/setLevel", () => ({}));
  server.server.setRequestHandler("tools/call", (request, ctx) =>
    callTool(call, request.params.name, request.params.arguments, { era, ctx }),
  );
  server.server.setRequestHandler("resources/templates/list", () => listResourceTemplates(caller(), call.surface));
  server.server.setRequestHandler("resources/list", (request) =>
    listResources(actorOf(call.auth), caller(), call.surface, request.params?.cursor),
  );
  server.server.setRequestHandler("resources/read", async (request) => {
    const read = await auditedRead(call, "resources/read", async () => {
      const answer = await readResource(actorOf(call.auth), caller(), call.surface, request.params.uri);
      return { outcome: answer.outcome, value: answer };
    });
    if (read.error) throw read.error;
    return read.result as ReadResourceResult;
  });
  server.server.setRequestHandler("prompts/list", () => listPrompts(actorOf(call.auth), caller(), call.surface));
  server.server.setRequestHandler("prompts/get", (request) =>
    auditedRead(call, "prompts/get", async () => ({
      outcome: "ok",
      value: await getPrompt(
        actorOf(call.auth),
        caller(),
        call.surface,
        request.params.name,
        request.params.arguments ?? {},
      ),
    })),
  );
  server.server.setRequestHandler("completion/complete", (request) =>
    complete(actorOf(call.auth), caller(), call.surface, request.params),
  );
  return server;
}
