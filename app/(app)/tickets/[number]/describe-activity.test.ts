import { describe, expect, it } from "vitest";
import { describeActivity } from "./describe-activity";

describe("describeActivity", () => {
  it("reads like a sentence", () => {
    expect(describeActivity("assign", { assignee: { from: null, to: "Ava" } })).toBe("assigned it to Ava");
    expect(
      describeActivity("auto_assign", { assignee: { from: null, to: "Ava" }, team: "Billing", rule: "round_robin" }),
    ).toBe("auto-assigned it to Ava (round-robin in Billing)");
    expect(describeActivity("assign", { assignee: { from: "Ava", to: null } })).toBe("unassigned the ticket");
    expect(describeActivity("tags_added", { tags: ["vip", "bug"] })).toBe("added tags vip, bug");
    expect(describeActivity("tags_added", { tags: ["vip"] })).toBe("added tag vip");
    expect(describeActivity("tags_removed", { tags: ["refund"] })).toBe("removed tag refund");
    expect(describeActivity("tags_removed", { tags: ["refund", "vip"] })).toBe("removed tags refund, vip");
    expect(describeActivity("transfer", { team: { from: "Sales", to: "Billing" } })).toBe("transferred it to Billing");
    expect(describeActivity("attachment_added", { filename: "invoice.pdf", size: 1024 })).toBe("attached invoice.pdf");
    expect(describeActivity("update", { priority: { from: "low", to: "high" } })).toBe(
      "changed priority from low to high",
    );
    expect(describeActivity("contact_merged", { contact: { from: "Sam R.", to: "Sam Rivera" } })).toBe(
      "merged contact Sam R. into Sam Rivera",
    );
    expect(describeActivity("something_new", {})).toBe("something new");
    expect(describeActivity("sla_policy", { sla_policy: { from: null, to: "Business" } })).toBe(
      "put it under SLA policy Business",
    );
    expect(describeActivity("sla_breach", { target: "first_response", due_at: "2026-12-07T11:00:00.000Z" })).toBe(
      "flagged the first-response target as missed",
    );
    expect(
      describeActivity("status", {
        status: { from: "open", to: "pending" },
        case_status: { from: null, to: "Awaiting refund" },
      }),
    ).toBe("set status to pending and sub-status to Awaiting refund");
    expect(
      describeActivity("status", {
        status: { from: "open", to: "resolved" },
        case_status: { from: "Triage", to: null },
      }),
    ).toBe("set status to resolved (sub-status Triage cleared)");
    expect(describeActivity("auto_close", { after_days: 7 })).toBe("closed automatically after 7 days with no reply");
    expect(describeActivity("follow_up", { follow_up: 12 })).toContain("follow-up #12");
  });

  it("names the macro that made a change", () => {
    expect(
      describeActivity("update", { priority: { from: "low", to: "high" }, macro: { id: "m1", name: "Escalate" } }),
    ).toBe("changed priority from low to high (macro “Escalate”)");
    expect(describeActivity("status", { status: { from: "open", to: "pending" } })).toBe("set status to pending");
  });
});

describe("describeActivity for CSAT", () => {
  it("says what the customer chose, and what changed when they changed it", () => {
    expect(describeActivity("csat_rated", { rating: { from: null, to: "good" }, comment: null })).toBe("rated good");
    expect(describeActivity("csat_rated", { rating: { from: "good", to: "bad" }, comment: "Still broken" })).toBe(
      "changed the rating from good to bad: “Still broken”",
    );
    expect(describeActivity("csat_rated", { rating: { from: "4/5", to: "4/5" }, comment: "Thanks" })).toBe(
      "changed the rating comment: “Thanks”",
    );
    expect(describeActivity("csat_requested", { expires_at: "2026-12-16T00:00:00Z" })).toBe("sent a new rating link");
  });
});

describe("describeActivity for drafts and reviews", () => {
  it("names whose proposal a sent or discarded draft was, and through which app", () => {
    expect(describeActivity("draft_proposed", { draft_id: "d1" })).toBe("proposed a draft reply");
    expect(
      describeActivity("draft_sent", {
        proposed_by: "Ava",
        credential: "Claude Desktop",
        edited: true,
        draft_id: "d1",
      }),
    ).toBe("sent the draft reply proposed by Ava via Claude Desktop, edited");
    expect(describeActivity("draft_discarded", { proposed_by: "Ava", credential: null })).toBe(
      "discarded the draft reply proposed by Ava",
    );
    expect(describeActivity("reviewed", {})).toBe("marked the conversation reviewed");
  });
});
