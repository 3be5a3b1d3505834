import { describe, expect, it } from "vitest";
import { AssignSchema, TagNamesSchema, TicketListSchema, UpdateTicketSchema } from "@/lib/validations/tickets";

describe("ticket schemas", () => {
  it("normalises tag names and refuses odd ones", () => {
    expect(TagNamesSchema.parse([" VIP ", "Feature-Request"])).toEqual(["vip", "feature-request"]);
    expect(TagNamesSchema.safeParse(["<script>"]).success).toBe(false);
    expect(TagNamesSchema.safeParse([]).error?.issues[0]?.message).toBe("give at least one tag");
  });

  it("treats empty filter fields from a form as absent and defaults the limit", () => {
    expect(TicketListSchema.parse({ q: "", status: "", assignee: "me" })).toEqual({
      assignee: "me",
      sort: "updated",
      include_notes: true,
      limit: 20,
    });
    expect(TicketListSchema.safeParse({ status: "archived" }).error?.issues[0]?.message).toMatch(
      /status must be one of/,
    );
  });

  it("reads an empty assignee as unassign", () => {
    expect(AssignSchema.parse({ ticket: "7", assignee: "" })).toEqual({ ticket: 7, assignee: null });
  });

  it("needs something to change", () => {
    expect(UpdateTicketSchema.safeParse({ ticket: 1 }).error?.issues[0]?.message).toBe(
      "give a subject or a priority to change",
    );
  });
});
