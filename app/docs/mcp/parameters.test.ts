import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toolParameters } from "./parameters";

describe("toolParameters", () => {
  it("lists each argument with its type, whether it is required and what it takes", () => {
    const input = z.object({
      subject: z.string().min(1).max(300).describe("The ticket's subject line."),
      priority: z.enum(["low", "normal", "high"]).default("normal"),
      tags: z.array(z.string()).max(20).optional(),
      ticket: z.number().int().positive(),
      created_after: z.union([z.iso.date(), z.iso.datetime()]).optional(),
    });
    expect(toolParameters(input)).toEqual([
      { name: "subject", type: "string", required: true, description: "The ticket's subject line; 1–300 characters" },
      { name: "priority", type: "string", required: false, description: 'one of low, normal, high; default "normal"' },
      { name: "tags", type: "string[]", required: false, description: "up to 20 items" },
      { name: "ticket", type: "integer", required: true, description: "positive" },
      { name: "created_after", type: "date | date-time", required: false, description: "" },
    ]);
  });

  it("names a nullable argument's types and an object's fields", () => {
    const input = z.object({
      assignee: z.string().nullable(),
      changes: z.object({ status: z.string().optional(), team: z.string().optional() }),
    });
    const [assignee, changes] = toolParameters(input);
    expect(assignee).toMatchObject({ name: "assignee", type: "string | null", required: true });
    expect(changes).toMatchObject({ type: "object", description: "fields: status, team" });
  });

  it("has nothing to list for a tool without arguments", () => {
    expect(toolParameters(z.object({}))).toEqual([]);
  });
});
