import { describe, expect, it } from "vitest";
import { McpConfirmationSchema } from "@/lib/validations/settings";

describe("MCP confirmation settings", () => {
  it("takes on or off and a bulk threshold from the form", () => {
    expect(McpConfirmationSchema.parse({ confirm_destructive: "on", bulk_over: "25" })).toEqual({
      confirm_destructive: "on",
      bulk_over: 25,
    });
  });

  it("names the field that is wrong", () => {
    const errors = (input: unknown) =>
      McpConfirmationSchema.safeParse(input).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(errors({ confirm_destructive: "on", bulk_over: "0" })).toEqual(["bulk_over: bulk_over must be at least 1"]);
    expect(errors({ confirm_destructive: "on", bulk_over: "101" })).toEqual([
      "bulk_over: bulk_over is at most 100 (a bulk change takes at most 100 tickets)",
    ]);
    expect(errors({ confirm_destructive: "on", bulk_over: "2.5" })).toEqual([
      "bulk_over: bulk_over must be a whole number",
    ]);
    expect(errors({ confirm_destructive: "yes", bulk_over: "5" })).toEqual([
      "confirm_destructive: confirm_destructive must be on or off",
    ]);
  });
});
