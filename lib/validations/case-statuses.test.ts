import { describe, expect, it } from "vitest";
import {
  CreateCaseStatusSchema,
  SetTicketStatusSchema,
  UpdateCaseWorkflowSchema,
} from "@/lib/validations/case-statuses";

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("case status schemas", () => {
  it("a new sub-status needs a name and a base status; colour defaults to slate", () => {
    expect(CreateCaseStatusSchema.parse({ name: " Awaiting refund ", base_status: "pending" })).toEqual({
      name: "Awaiting refund",
      base_status: "pending",
      color: "slate",
    });
    expect(fieldsOf(CreateCaseStatusSchema.safeParse({ name: "", base_status: "waiting", color: "mauve" }))).toEqual([
      "name",
      "base_status",
      "color",
    ]);
  });

  it("a status change names a base status, a sub-status, or both; blank or 'none' clears the sub-status", () => {
    expect(SetTicketStatusSchema.parse({ ticket: "12", case_status: "" })).toEqual({ ticket: 12, case_status: null });
    expect(SetTicketStatusSchema.parse({ ticket: 12, case_status: "none", status: "open" })).toEqual({
      ticket: 12,
      status: "open",
      case_status: null,
    });
    expect(fieldsOf(SetTicketStatusSchema.safeParse({ ticket: 12 }))).toEqual(["status"]);
    expect(fieldsOf(SetTicketStatusSchema.safeParse({ ticket: 12, status: "snoozed" }))).toEqual(["status"]);
  });

  it("workflow days are whole numbers or null; auto-close is at least one day", () => {
    expect(UpdateCaseWorkflowSchema.parse({ reopen_window_days: "30", auto_close_days: "" })).toEqual({
      reopen_window_days: 30,
      auto_close_days: null,
    });
    expect(UpdateCaseWorkflowSchema.parse({ reopen_window_days: 0 })).toEqual({ reopen_window_days: 0 });
    expect(fieldsOf(UpdateCaseWorkflowSchema.safeParse({ auto_close_days: 0 }))).toEqual(["auto_close_days"]);
    expect(fieldsOf(UpdateCaseWorkflowSchema.safeParse({ reopen_window_days: 1.5 }))).toEqual(["reopen_window_days"]);
    expect(fieldsOf(UpdateCaseWorkflowSchema.safeParse({}))).toEqual(["reopen_window_days"]);
  });
});
