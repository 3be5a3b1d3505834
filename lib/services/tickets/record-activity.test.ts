import { describe, expect, it } from "vitest";
import { activityEvents } from "@/lib/services/tickets/record-activity";

describe("activityEvents", () => {
  it("a new ticket is created with its first customer message", () => {
    const events = activityEvents({
      ticketId: "t1",
      action: "create",
      changes: { subject: "Help", priority: "normal" },
      eventData: { message_id: "m1", channel: "email" },
    });
    expect(events.map((e) => e.type)).toEqual(["ticket.created", "message.created"]);
    expect(events[1]!.data).toMatchObject({ message_id: "m1", kind: "reply", author_type: "contact" });
  });

  it("a reply that moves the status reports the message, the status change and the update", () => {
    const events = activityEvents({
      ticketId: "t1",
      action: "reply",
      changes: { message_id: "m2", status: { from: "open", to: "pending" } },
    });
    expect(events.map((e) => e.type)).toEqual(["message.created", "ticket.status_changed", "ticket.updated"]);
    expect(events[1]!.data).toEqual({ from: "open", to: "pending" });
  });

  it("an internal note is a message of kind note", () => {
    const [message] = activityEvents({ ticketId: "t1", action: "note", changes: { message_id: "m3" } });
    expect(message).toMatchObject({ type: "message.created", data: { kind: "note", author_type: "agent" } });
  });

  it("the SLA bookkeeping after a change is not an update of its own", () => {
    expect(
      activityEvents({ ticketId: "t1", action: "sla_policy", changes: { sla_policy: { from: null, to: "Gold" } } }),
    ).toEqual([]);
  });

  it("a breach and a rating say so", () => {
    expect(
      activityEvents({ ticketId: "t1", action: "sla_breach", changes: { target: "first_response" } })[0]!.type,
    ).toBe("sla.breached");
    expect(
      activityEvents({ ticketId: "t1", action: "csat_rated", changes: { rating: { from: null, to: "good" } } })[0]!
        .type,
    ).toBe("csat.rated");
  });
});
