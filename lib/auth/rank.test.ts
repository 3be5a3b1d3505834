import { describe, expect, it } from "vitest";
import { mayActOn, requireMayActOn } from "@/lib/auth/rank";

describe("the rank rule", () => {
  it("owners act on everyone, admins on admins and agents, agents on no one else", () => {
    expect(mayActOn("owner", "owner")).toBe(true);
    expect(mayActOn("owner", "agent")).toBe(true);
    expect(mayActOn("admin", "owner")).toBe(false);
    expect(mayActOn("admin", "admin")).toBe(true);
    expect(mayActOn("admin", "agent")).toBe(true);
    expect(mayActOn("agent", "agent")).toBe(false);
    expect(mayActOn(null, "agent")).toBe(false);
  });

  it("names the role that is missing, and lets anyone act on themselves", () => {
    expect(() =>
      requireMayActOn({ userId: "a", role: "admin" }, { userId: "o", role: "owner" }, "revoke an owner's token"),
    ).toThrow(
      expect.objectContaining({ code: "owner_required", message: "Only an owner can revoke an owner's token." }),
    );
    expect(() => requireMayActOn({ userId: "a", role: "agent" }, { userId: "b", role: "agent" }, "revoke it")).toThrow(
      expect.objectContaining({ code: "admin_required" }),
    );
    expect(() => requireMayActOn({ userId: "a", role: "agent" }, { userId: "a", role: "agent" }, "x")).not.toThrow();
    // An org-level key (no user) acts as an admin.
    expect(() => requireMayActOn({ userId: null, role: "admin" }, { userId: "o", role: "owner" }, "x")).toThrow(
      expect.objectContaining({ code: "owner_required" }),
    );
  });
});
