import { describe, expect, it } from "vitest";
import { describeActivity } from "./describe-activity";

describe("describeActivity", () => {
  it("reads like a sentence", () => {
    expect(describeActivity("assign", { assignee: { from: null, to: "Ava" } })).toBe("assigned it to Ava");
    expect(describeActivity("tags_added", { tags: ["vip", "bug"] })).toBe("added tags vip, bug");
    expect(describeActivity("update", { priority: { from: "low", to: "high" } })).toBe(
      "changed priority from low to high",
    );
    expect(describeActivity("contact_merged", { contact: { from: "Sam R.", to: "Sam Rivera" } })).toBe(
      "merged contact Sam R. into Sam Rivera",
    );
    expect(describeActivity("something_new", {})).toBe("something new");
  });
});
