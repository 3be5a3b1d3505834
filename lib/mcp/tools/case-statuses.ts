import { z } from "zod";
import { DESTRUCTIVE, defineTool, IDEMPOTENT_WRITE, READ, WRITE } from "@/lib/mcp/tool";
import { CaseStatusShape, StatusChangeShape } from "@/lib/mcp/tools/shapes";
import { createCaseStatus } from "@/lib/services/case-statuses/create-case-status";
import { deleteCaseStatus } from "@/lib/services/case-statuses/delete-case-status";
import { getCaseWorkflow } from "@/lib/services/case-statuses/get-case-workflow";
import { listCaseStatuses } from "@/lib/services/case-statuses/list-case-statuses";
import { updateCaseStatus } from "@/lib/services/case-statuses/update-case-status";
import { updateCaseWorkflow } from "@/lib/services/case-statuses/update-case-workflow";
import { setTicketStatus } from "@/lib/services/tickets/set-ticket-status";
import {
  CaseStatusRefSchema,
  CreateCaseStatusSchema,
  SetTicketStatusSchema,
  UpdateCaseStatusSchema,
  UpdateCaseWorkflowSchema,
} from "@/lib/validations/case-statuses";

const WorkflowShape = z.object({
  reopen_window_days: z.number().int().nullable(),
  auto_close_days: z.number().int().nullable(),
});

export const CASE_STATUS_TOOLS = [
  defineTool({
    name: "list_case_statuses",
    title: "List case statuses",
    description:
      "The workspace's sub-statuses in order, each refining a base status (open, pending, resolved, closed), with its colour and how many tickets carry it.",
    input: z.object({}),
    output: z.object({ items: z.array(CaseStatusShape.extend({ ticket_count: z.number().int() })) }),
    scopes: ["case-statuses:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: async (ctx) => ({ items: await listCaseStatuses(ctx) }),
  }),
  defineTool({
    name: "create_case_status",
    title: "Create case status",
    description:
      "Add a sub-status (e.g. 'Waiting on engineering') under a base status, with a colour; it goes last unless position is given.",
    input: CreateCaseStatusSchema,
    output: CaseStatusShape,
    scopes: ["case-statuses:write"],
    role: "admin",
    needsUser: false,
    annotations: WRITE,
    handler: (ctx, input) => createCaseStatus(ctx, input),
  }),
  defineTool({
    name: "update_case_status",
    title: "Update case status",
    description:
      "Rename, recolour or reorder a sub-status. Its base_status can change only while no ticket carries it.",
    input: UpdateCaseStatusSchema,
    output: CaseStatusShape,
    scopes: ["case-statuses:write"],
    role: "admin",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateCaseStatus(ctx, input),
  }),
  defineTool({
    name: "delete_case_status",
    title: "Delete case status",
    description:
      "Delete a sub-status. Refused (conflict, with the ticket count) while tickets carry it: move them first (search_tickets with case_status finds them).",
    input: CaseStatusRefSchema,
    output: z.object({ id: z.string(), name: z.string(), deleted: z.boolean() }),
    scopes: ["case-statuses:write"],
    role: "admin",
    needsUser: false,
    annotations: DESTRUCTIVE,
    handler: (ctx, input) => deleteCaseStatus(ctx, input),
  }),
  defineTool({
    name: "set_ticket_case_status",
    title: "Set ticket status",
    description:
      "Set a ticket's status: a base status, a sub-status id (its base status comes with it), or both when they agree. case_status null clears the sub-status; a new base status clears a sub-status of another base. A ticket closed past the reopen window stays closed and a follow-up opens (follow_up).",
    input: SetTicketStatusSchema,
    output: StatusChangeShape,
    scopes: ["tickets:write"],
    role: "agent",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => setTicketStatus(ctx, input),
  }),
  defineTool({
    name: "get_case_workflow",
    title: "Get workflow rules",
    description:
      "The workspace's status rules: reopen_window_days (a closed ticket reopens within this many days of closing, later a follow-up opens; null always reopens) and auto_close_days (resolved tickets with no reply close after this many days; null is off).",
    input: z.object({}),
    output: WorkflowShape,
    scopes: ["case-workflows:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx) => getCaseWorkflow(ctx),
  }),
  defineTool({
    name: "update_case_workflow",
    title: "Update workflow rules",
    description:
      "Change reopen_window_days and/or auto_close_days (whole days, or null to turn the rule off); a field left out keeps its value.",
    input: UpdateCaseWorkflowSchema,
    output: WorkflowShape,
    scopes: ["case-workflows:write"],
    role: "admin",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateCaseWorkflow(ctx, input),
  }),
];
