import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/return-path";

describe("safeReturnPath", () => {
  it("keeps same-origin paths", () => {
    expect(safeReturnPath("/tickets/12?x=1")).toBe("/tickets/12?x=1");
  });
  it.each(["https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", null, 42])(
    "refuses %s",
    (value) => {
      expect(safeReturnPath(value)).toBe("/tickets");
    },
  );
});
