import { z } from "zod";
import { DESTRUCTIVE, defineTool, IDEMPOTENT_WRITE, READ, SENDING_WRITE, WRITE } from "@/lib/mcp/tool";
import { Ref } from "@/lib/mcp/tools/shapes";
import { applyMacro } from "@/lib/services/macros/apply-macro";
import { createMacro } from "@/lib/services/macros/create-macro";
import { deleteMacro } from "@/lib/services/macros/delete-macro";
import { getMacro } from "@/lib/services/macros/get-macro";
import { listMacros } from "@/lib/services/macros/list-macros";
import { previewMacro } from "@/lib/services/macros/preview-macro";
import { updateMacro } from "@/lib/services/macros/update-macro";
import { PLACEHOLDER_NAMES } from "@/lib/templates/placeholders";
import {
  ApplyMacroSchema,
  CreateMacroSchema,
  ListMacrosSchema,
  MacroRefSchema,
  UpdateMacroSchema,
} from "@/lib/validations/macros";

const ActionsShape = z.object({
  message: z.object({ kind: z.string(), body: z.string() }).optional(),
  status: z.string().optional(),
  priority: z.string().optional(),
  team: z.string().optional(),
  assignee: z.string().optional(),
  add_tags: z.array(z.string()).optional(),
  remove_tags: z.array(z.string()).optional(),
});

const MacroShape = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  shared: z.boolean(),
  owner: Ref.nullable(),
  actions: ActionsShape,
  usage_count: z.number().int(),
  last_used_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

const StepShape = z.object({
  action: z.string(),
  result: z.enum(["change", "done", "unchanged", "refused"]),
  summary: z.string(),
  code: z.string().optional(),
  message: z.string().optional(),
});

const PLACEHOLDER_LIST = PLACEHOLDER_NAMES.map((n) => `{{${n}}}`).join(", ");

export const MACRO_TOOLS = [
  defineTool({
    name: "list_macros",
    title: "List macros",
    description:
      "Macros you can apply: shared ones and your personal ones, most used first, each with its actions. q filters by name.",
    input: ListMacrosSchema,
    output: z.object({ items: z.array(MacroShape) }),
    scopes: ["macros:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => listMacros(ctx, input),
  }),
  defineTool({
    name: "get_macro",
    title: "Get macro",
    description: "One macro (an id from list_macros) with its actions, usage count and owner.",
    input: MacroRefSchema,
    output: MacroShape,
    scopes: ["macros:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => getMacro(ctx, input),
  }),
  defineTool({
    name: "create_macro",
    title: "Create macro",
    description: `Save a named set of ticket actions: message (reply or note; body may use ${PLACEHOLDER_LIST}), status, priority, team (id), assignee (agent id, "me" or "unassigned"), add_tags, remove_tags. Personal unless shared is true (admins only).`,
    input: CreateMacroSchema,
    output: MacroShape,
    scopes: ["macros:write"],
    role: "agent",
    needsUser: false,
    annotations: WRITE,
    handler: (ctx, input) => createMacro(ctx, input),
  }),
  defineTool({
    name: "update_macro",
    title: "Update macro",
    description:
      "Change a macro's name, description, sharing or actions (actions replace the old set as a whole). Shared macros: admins only.",
    input: UpdateMacroSchema,
    output: MacroShape,
    scopes: ["macros:write"],
    role: "agent",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateMacro(ctx, input),
  }),
  defineTool({
    name: "delete_macro",
    title: "Delete macro",
    description: "Delete a macro for good. Tickets it changed keep their history.",
    input: MacroRefSchema,
    output: z.object({ id: z.string(), name: z.string(), deleted: z.boolean() }),
    scopes: ["macros:write"],
    role: "agent",
    needsUser: false,
    annotations: DESTRUCTIVE,
    handler: (ctx, input) => deleteMacro(ctx, input),
  }),
  // A separate read-only tool rather than apply_macro({preview: true}): annotations belong to a
  // tool, so a client can let preview run unasked (readOnlyHint) while apply still asks.
  defineTool({
    name: "preview_macro",
    title: "Preview macro",
    description:
      "What apply_macro would do to a ticket, changing nothing: the rendered reply or note and each action as change, unchanged or refused (with code).",
    input: ApplyMacroSchema,
    output: z.object({
      macro: Ref,
      ticket: z.number().int(),
      message: z.object({ kind: z.string(), body: z.string() }).nullable(),
      changes: z.array(StepShape),
    }),
    scopes: ["macros:read", "tickets:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => previewMacro(ctx, input),
  }),
  defineTool({
    name: "apply_macro",
    title: "Apply macro",
    description:
      "Run a macro's actions on a ticket in one step, as you. Returns each action's result: done, unchanged or refused (with code, e.g. insufficient_scope when the credential lacks messages:write or tags:write); the others still apply.",
    input: ApplyMacroSchema,
    output: z.object({
      macro: Ref,
      ticket: z.number().int(),
      results: z.array(StepShape),
      usage_count: z.number().int(),
    }),
    scopes: ["macros:read", "tickets:write"],
    role: "agent",
    needsUser: false,
    annotations: SENDING_WRITE,
    sends: "email",
    handler: (ctx, input) => applyMacro(ctx, input),
  }),
];
