import { describe, expect, it } from "vitest";
import { describeActivity } from "./describe-activity";

describe("describeActivity", () => {
  it("reads like a sentence", () => {
    expect(describeActivity("assign", { assignee: { from: null, to: "Ava" } })).toBe("assigned it to Ava");
    expect(describeActivity("tags_added", { tags: ["vip", "bug"] })).toBe("added tags vip, bug");
    expect(describeActivity("update", { priority: { from: "low", to: "high" } })).toBe(
      "changed priority from low to high",
    );
    expect(describeActivity("something_new", {})).toBe("something new");
  });

  it("names the macro that made a change", () => {
    expect(
      describeActivity("update", { priority: { from: "low", to: "high" }, macro: { id: "m1", name: "Escalate" } }),
    ).toBe("changed priority from low to high (macro “Escalate”)");
    expect(describeActivity("status", { status: { from: "open", to: "pending" } })).toBe("set the status to pending");
  });
});
