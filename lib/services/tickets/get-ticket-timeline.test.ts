import { describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildTimeline } from "@/lib/services/tickets/get-ticket-timeline";

const t = (minute: number) => new Date(Date.UTC(2026, 11, 2, 9, minute));
const ava = { id: "u1", name: "Ava" };

function message(id: string, minute: number, kind: "reply" | "note" = "reply") {
  return {
    id,
    kind,
    authorType: "agent" as const,
    body: `body ${id}`,
    via: "web" as const,
    createdAt: t(minute),
    authorUser: ava,
    authorContact: null,
    attachments: [],
  };
}

function activity(id: string, minute: number, action: string, changes: Prisma.JsonObject = {}) {
  return { id, action, changes, via: "web" as const, credentialName: null, createdAt: t(minute), actor: ava };
}

// The database hands both lists newest first.
const newestFirst = <T extends { createdAt: Date }>(items: T[]) =>
  [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());

describe("buildTimeline", () => {
  it("interleaves messages, notes and history oldest first, and folds a message's own history row into it", () => {
    const messages = newestFirst([message("m1", 0), message("n1", 10, "note"), message("m2", 20)]);
    const activities = newestFirst([
      activity("a0", 0, "create"),
      activity("a1", 5, "assign", { assignee: { from: null, to: "Ava" } }),
      activity("a2", 10, "note", { message_id: "n1" }),
      activity("a3", 20, "reply", { message_id: "m2", status: { from: "open", to: "pending" } }),
      activity("a4", 20, "status", { status: { from: "pending", to: "resolved" } }),
    ]);
    const { entries, truncated } = buildTimeline(messages, activities, 300);
    expect(truncated).toBe(false);
    expect(entries.map((e) => e.id)).toEqual(["a0", "m1", "a1", "n1", "m2", "a4"]);
    const reply = entries.find((e) => e.id === "m2");
    expect(reply).toMatchObject({ type: "message", status: { from: "open", to: "pending" } });
  });

  it("shows only the stretch both lists cover when one reaches its limit", () => {
    const messages = newestFirst([message("m1", 0), message("m2", 30)]);
    const activities = newestFirst([activity("a1", 10, "assign"), activity("a2", 20, "assign")]);
    const { entries, truncated } = buildTimeline(messages, activities, 2);
    expect(truncated).toBe(true);
    expect(entries.map((e) => e.id)).toEqual(["a1", "a2", "m2"]);
  });
});
