import { z } from "zod";
import { DESTRUCTIVE, defineTool, IDEMPOTENT_WRITE, READ, WRITE } from "@/lib/mcp/tool";
import { Ref } from "@/lib/mcp/tools/shapes";
import { createSnippet } from "@/lib/services/snippets/create-snippet";
import { deleteSnippet } from "@/lib/services/snippets/delete-snippet";
import { getSnippet } from "@/lib/services/snippets/get-snippet";
import { listSnippets } from "@/lib/services/snippets/list-snippets";
import { updateSnippet } from "@/lib/services/snippets/update-snippet";
import { PLACEHOLDER_NAMES } from "@/lib/templates/placeholders";
import {
  CreateSnippetSchema,
  GetSnippetSchema,
  ListSnippetsSchema,
  SnippetRefSchema,
  UpdateSnippetSchema,
} from "@/lib/validations/snippets";

const SnippetShape = z.object({
  id: z.string(),
  shortcut: z.string(),
  name: z.string(),
  body: z.string(),
  shared: z.boolean(),
  owner: Ref.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const SNIPPET_TOOLS = [
  defineTool({
    name: "list_snippets",
    title: "List snippets",
    description:
      "Reusable reply texts you can use (shared and your personal ones), by shortcut. q matches shortcut or name.",
    input: ListSnippetsSchema,
    output: z.object({ items: z.array(SnippetShape) }),
    scopes: ["snippets:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => listSnippets(ctx, input),
  }),
  defineTool({
    name: "get_snippet",
    title: "Get snippet",
    description:
      "One snippet by id or shortcut. With ticket, rendered is its text filled in for that ticket, ready to send with reply_to_ticket.",
    input: GetSnippetSchema,
    output: SnippetShape.extend({ rendered: z.string().nullable() }),
    scopes: ["snippets:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => getSnippet(ctx, input),
  }),
  defineTool({
    name: "create_snippet",
    title: "Create snippet",
    description: `Save a reusable text under a shortcut (lowercase letters, digits, dashes; unique in the workspace). body may use ${PLACEHOLDER_NAMES.map((n) => `{{${n}}}`).join(", ")}. Personal unless shared is true (admins only).`,
    input: CreateSnippetSchema,
    output: SnippetShape,
    scopes: ["snippets:write"],
    role: "agent",
    needsUser: false,
    annotations: WRITE,
    handler: (ctx, input) => createSnippet(ctx, input),
  }),
  defineTool({
    name: "update_snippet",
    title: "Update snippet",
    description:
      "Change a snippet's shortcut, name, body or sharing (by id or shortcut). Shared snippets: admins only.",
    input: UpdateSnippetSchema,
    output: SnippetShape,
    scopes: ["snippets:write"],
    role: "agent",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateSnippet(ctx, input),
  }),
  defineTool({
    name: "delete_snippet",
    title: "Delete snippet",
    description: "Delete a snippet for good (by id or shortcut).",
    input: SnippetRefSchema,
    output: z.object({ id: z.string(), shortcut: z.string(), deleted: z.boolean() }),
    scopes: ["snippets:write"],
    role: "agent",
    needsUser: false,
    annotations: DESTRUCTIVE,
    handler: (ctx, input) => deleteSnippet(ctx, input),
  }),
];
