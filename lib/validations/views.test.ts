import { describe, expect, it } from "vitest";
import { BulkUpdateSchema, CreateViewSchema } from "@/lib/validations/views";

describe("bulk update input", () => {
  it("reads a form's comma-separated tags and ticket numbers as the tool's lists", () => {
    const parsed = BulkUpdateSchema.parse({
      tickets: ["12", "13"],
      changes: { add_tags: "VIP, refund ", remove_tags: "", status: "" },
    });
    expect(parsed).toEqual({ tickets: [12, 13], changes: { add_tags: ["vip", "refund"] } });
  });

  it("names the field for too many tickets, repeats, and an empty change set", () => {
    const errors = (input: unknown) =>
      BulkUpdateSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(errors({ tickets: Array.from({ length: 101 }, (_, i) => i + 1), changes: { status: "open" } })).toEqual([
      "tickets: at most 100 tickets at once",
    ]);
    expect(errors({ tickets: [3, 3], changes: { status: "open" } })).toEqual([
      "tickets: each ticket may be named once",
    ]);
    expect(errors({ tickets: [3], changes: {} })?.[0]).toMatch(/^changes\.status: give at least one change/);
    expect(errors({ tickets: [3], changes: { colour: "red" } })?.[0]).toMatch(/colour/);
  });

  it("keeps null as unassign and 'unassigned' as the same", () => {
    expect(BulkUpdateSchema.parse({ tickets: [1], changes: { assignee: "unassigned" } }).changes.assignee).toBeNull();
    expect(BulkUpdateSchema.parse({ tickets: [1], changes: { assignee: null } }).changes.assignee).toBeNull();
  });
});

describe("saved view input", () => {
  it("takes the ticket list's filters and refuses anything else", () => {
    expect(CreateViewSchema.parse({ name: " Mine ", filters: { assignee: "me", status: "open" } })).toEqual({
      name: "Mine",
      visibility: "personal",
      filters: { assignee: "me", status: "open", sort: "updated" },
    });
    expect(CreateViewSchema.safeParse({ name: "x", filters: { status: "shelved" } }).success).toBe(false);
    expect(CreateViewSchema.safeParse({ name: "x", filters: { limit: 5 } }).success).toBe(false);
  });
});
