import "server-only";
import {
  ProtocolError,
  ProtocolErrorCode,
  ResourceNotFoundError,
  type ListResourcesResult,
  type ListResourceTemplatesResult,
  type ReadResourceResult,
  type Resource,
} from "@modelcontextprotocol/server";
import type { ActorContext } from "@/lib/context";
import { AppError, toAppError } from "@/lib/errors";
import type { Caller } from "@/lib/mcp/permissions";
import { accessTo, readTool, runRead, surfaceIncludes } from "@/lib/mcp/reads";
import { toolIcons } from "@/lib/mcp/icons";
import { articleUri, contactUri, JSON_MIME, RESOURCE_SCHEME, ticketUri, viewUri } from "@/lib/mcp/resource-links";
import type { AnyTool } from "@/lib/mcp/tool";
import type { Surface } from "@/lib/mcp/toolsets";

// Resources: tickets, a ticket's conversation, contacts, articles and saved views, each read through
// the read tool that shows the same thing (its service, its scopes and role, its toolset).

type Page<T> = { items: T[]; next_cursor: string | null; has_more: boolean };

type ResourceKind = {
  key: "ticket" | "conversation" | "contact" | "article" | "view";
  uriTemplate: string;
  name: string;
  title: string;
  description: string;
  /** The read tools a read goes through: the caller must be able to call each. */
  tools: readonly AnyTool[];
  pattern: RegExp;
  read: (ctx: ActorContext, id: string) => Promise<unknown>;
};

const CONVERSATION_LIMIT = 100;
const VIEW_TICKETS = 25;

const getTicket = readTool("get_ticket");
const listMessages = readTool("list_ticket_messages");
const getContact = readTool("get_contact");
const getArticle = readTool("get_article");
const listViews = readTool("list_views");
const searchTickets = readTool("search_tickets");
const searchKnowledge = readTool("search_knowledge");
const searchContacts = readTool("search_contacts");

type ViewItem = { id: string; name: string; filters: Record<string, string>; count: number | null };

const KINDS: readonly ResourceKind[] = [
  {
    key: "ticket",
    uriTemplate: `${RESOURCE_SCHEME}tickets/{number}`,
    name: "ticket",
    title: "Ticket",
    description:
      "A ticket's properties by number (as get_ticket shows them): status, priority, assignee, team, contact, tags, SLA.",
    tools: [getTicket],
    pattern: /^deskbridge:\/\/tickets\/(\d{1,10})$/,
    read: (ctx, number) => runRead(ctx, getTicket, { ticket: number }),
  },
  {
    key: "conversation",
    uriTemplate: `${RESOURCE_SCHEME}tickets/{number}/conversation`,
    name: "ticket-conversation",
    title: "Ticket conversation",
    description: `A ticket's messages and internal notes, oldest first (the first ${CONVERSATION_LIMIT}; long bodies trimmed, as list_ticket_messages shows them).`,
    tools: [listMessages],
    pattern: /^deskbridge:\/\/tickets\/(\d{1,10})\/conversation$/,
    read: (ctx, number) => runRead(ctx, listMessages, { ticket: number, limit: CONVERSATION_LIMIT }),
  },
  {
    key: "contact",
    uriTemplate: `${RESOURCE_SCHEME}contacts/{contact}`,
    name: "contact",
    title: "Contact",
    description: "A contact (customer) by id with their emails, company and most recent tickets.",
    tools: [getContact],
    pattern: /^deskbridge:\/\/contacts\/([^/]+)$/,
    read: (ctx, id) => runRead(ctx, getContact, { contact_id: id }),
  },
  {
    key: "article",
    uriTemplate: `${RESOURCE_SCHEME}articles/{article}`,
    name: "article",
    title: "Knowledge-base article",
    description: "A help article by slug or id, with its Markdown body.",
    tools: [getArticle],
    pattern: /^deskbridge:\/\/articles\/([^/]+)$/,
    read: (ctx, article) => runRead(ctx, getArticle, { article }),
  },
  {
    key: "view",
    uriTemplate: `${RESOURCE_SCHEME}views/{view}`,
    name: "saved-view",
    title: "Saved view",
    description: `A saved ticket view by id: its filters, its count and its first ${VIEW_TICKETS} tickets.`,
    tools: [listViews, searchTickets],
    pattern: /^deskbridge:\/\/views\/([^/]+)$/,
    read: async (ctx, id) => {
      const { items } = await runRead<{ items: ViewItem[] }>(ctx, listViews, {});
      const view = items.find((v) => v.id === id);
      if (!view) throw new AppError("not_found", `No saved view ${id} that you can see.`);
      const tickets = await runRead(ctx, searchTickets, { ...view.filters, limit: VIEW_TICKETS });
      return { view, tickets };
    },
  },
];

function usable(kind: ResourceKind, caller: Caller, surface: Surface): boolean {
  return accessTo(kind.tools, caller) === null && surfaceIncludes(kind.tools[0]!, surface);
}

/** resources/templates/list: the templates this caller could read on this surface. */
export function listResourceTemplates(caller: Caller, surface: Surface): ListResourceTemplatesResult {
  return {
    resourceTemplates: KINDS.filter((kind) => usable(kind, caller, surface)).map((kind) => ({
      uriTemplate: kind.uriTemplate,
      name: kind.name,
      title: kind.title,
      description: kind.description,
      icons: toolIcons(kind.tools[0]!),
      mimeType: JSON_MIME,
    })),
  };
}

/** The argument of a template that completes, for completion/complete (null: not a template of ours). */
export function templateOf(uriTemplate: string): ResourceKind["key"] | null {
  return KINDS.find((kind) => kind.uriTemplate === uriTemplate)?.key ?? null;
}

// resources/list pages through one kind at a time: saved views, recent tickets, articles, contacts.
const LIST_ORDER = ["view", "ticket", "article", "contact"] as const;
type ListKind = (typeof LIST_ORDER)[number];
const LIST_PAGE = 50;

type ListCursor = { k: ListKind; c: string | null };

function encodeListCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeListCursor(raw: string): ListCursor {
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as ListCursor;
    if (LIST_ORDER.includes(value.k) && (value.c === null || typeof value.c === "string")) return value;
  } catch {
    // falls through to the refusal below
  }
  throw new ProtocolError(
    ProtocolErrorCode.InvalidParams,
    "cursor is not one resources/list gave; start without a cursor.",
  );
}

async function listPage(ctx: ActorContext, kind: ListKind, cursor: string | null): Promise<Page<Resource>> {
  const page = { limit: LIST_PAGE, ...(cursor ? { cursor } : {}) };
  switch (kind) {
    case "view": {
      const { items } = await runRead<{ items: ViewItem[] }>(ctx, listViews, {});
      return {
        items: items.map((v) => ({
          uri: viewUri(v.id),
          name: `view-${v.id}`,
          title: v.name,
          mimeType: JSON_MIME,
          description: v.count === null ? "Saved view" : `Saved view of ${v.count} tickets`,
        })),
        next_cursor: null,
        has_more: false,
      };
    }
    case "ticket": {
      const result = await runRead<Page<{ number: number; subject: string; status: string }>>(ctx, searchTickets, page);
      return {
        ...result,
        items: result.items.map((t) => ({
          uri: ticketUri(t.number),
          name: `ticket-${t.number}`,
          title: `#${t.number} ${t.subject}`,
          mimeType: JSON_MIME,
          description: `Ticket, ${t.status}`,
        })),
      };
    }
    case "article": {
      const result = await runRead<Page<{ slug: string; title: string; status: string }>>(ctx, searchKnowledge, page);
      return {
        ...result,
        items: result.items.map((a) => ({
          uri: articleUri(a.slug),
          name: `article-${a.slug}`,
          title: a.title,
          mimeType: JSON_MIME,
          description: `Article, ${a.status}`,
        })),
      };
    }
    case "contact": {
      const result = await runRead<Page<{ id: string; name: string; email: string | null }>>(ctx, searchContacts, page);
      return {
        ...result,
        items: result.items.map((c) => ({
          uri: contactUri(c.id),
          name: `contact-${c.id}`,
          title: c.email ? `${c.name} <${c.email}>` : c.name,
          mimeType: JSON_MIME,
          description: "Contact",
        })),
      };
    }
  }
}

const LIST_TOOLS: Record<ListKind, ResourceKind> = Object.fromEntries(
  LIST_ORDER.map((key) => [key, KINDS.find((kind) => kind.key === key)!]),
) as Record<ListKind, ResourceKind>;

/**
 * resources/list: one page of one kind at a time, in LIST_ORDER, skipping the kinds this caller
 * cannot read or this surface did not choose; nextCursor names the kind and its own cursor.
 */
export async function listResources(
  ctx: ActorContext,
  caller: Caller,
  surface: Surface,
  rawCursor: string | undefined,
): Promise<ListResourcesResult> {
  const kinds = LIST_ORDER.filter((key) => usable(LIST_TOOLS[key], caller, surface));
  let cursor: ListCursor | null = rawCursor ? decodeListCursor(rawCursor) : kinds[0] ? { k: kinds[0], c: null } : null;
  while (cursor) {
    const at = kinds.indexOf(cursor.k);
    if (at < 0) return { resources: [] };
    const page = await listPage(ctx, cursor.k, cursor.c);
    const next: ListCursor | null =
      page.has_more && page.next_cursor
        ? { k: cursor.k, c: page.next_cursor }
        : kinds[at + 1]
          ? { k: kinds[at + 1]!, c: null }
          : null;
    // An empty kind is skipped rather than answered as an empty page.
    if (page.items.length === 0 && next) {
      cursor = next;
      continue;
    }
    const icons = toolIcons(LIST_TOOLS[cursor.k].tools[0]!);
    return {
      resources: page.items.map((item) => ({ ...item, icons })),
      ...(next ? { nextCursor: encodeListCursor(next) } : {}),
    };
  }
  return { resources: [] };
}

export type ResourceReadOutcome = { outcome: string; result?: ReadResourceResult; error?: ProtocolError };

/**
 * resources/read: the URI matched to its kind, the caller checked as the matching tool checks it,
 * and the tool's answer as one JSON text content item. Refusals and misses are protocol errors
 * that say what was wrong; the outcome code goes to usage and the audit trail.
 */
export async function readResource(
  ctx: ActorContext,
  caller: Caller,
  surface: Surface,
  uri: string,
): Promise<ResourceReadOutcome> {
  const match = KINDS.map((kind) => ({ kind, m: kind.pattern.exec(uri) })).find((x) => x.m !== null);
  if (!match) {
    return {
      outcome: "not_found",
      error: new ResourceNotFoundError(
        uri,
        `Unknown resource ${uri}: resources/templates/list gives the addresses this server reads.`,
      ),
    };
  }
  const { kind } = match;
  const refusal = accessTo(kind.tools, caller);
  if (refusal) {
    return {
      outcome: refusal.error,
      error: new ProtocolError(
        ProtocolErrorCode.InvalidRequest,
        `${refusal.message.replace(/^\S+/, `Reading ${uri}`)}`,
        refusal,
      ),
    };
  }
  if (!surfaceIncludes(kind.tools[0]!, surface)) {
    return {
      outcome: "not_in_toolsets",
      error: new ProtocolError(
        ProtocolErrorCode.InvalidRequest,
        `Reading ${uri} takes the ${kind.tools[0]!.name} tool's toolset, which this connection did not choose.`,
        { error: "not_in_toolsets" },
      ),
    };
  }
  try {
    const data = await kind.read(ctx, decodeURIComponent(match.m![1]!));
    return {
      outcome: "ok",
      result: { contents: [{ uri, mimeType: JSON_MIME, text: JSON.stringify(data) }] },
    };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "not_found") {
      return { outcome: "not_found", error: new ResourceNotFoundError(uri, appError.message) };
    }
    if (appError.code === "unavailable" || appError.code === "internal_error") {
      return { outcome: appError.code, error: new ProtocolError(ProtocolErrorCode.InternalError, appError.message) };
    }
    return {
      outcome: appError.code,
      error: new ProtocolError(ProtocolErrorCode.InvalidParams, appError.message, {
        error: appError.code,
        ...(appError.fields ? { fields: appError.fields } : {}),
      }),
    };
  }
}

/** What a template or resource URI reads, for the docs page. */
export const RESOURCE_TEMPLATES = KINDS.map((kind) => ({
  uriTemplate: kind.uriTemplate,
  title: kind.title,
  description: kind.description,
  tools: kind.tools.map((t) => t.name),
}));
