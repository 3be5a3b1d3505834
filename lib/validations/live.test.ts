import { describe, expect, it } from "vitest";
import { LiveListSchema, PresenceHeartbeatSchema } from "@/lib/validations/live";

describe("live inputs", () => {
  it("reads the list's ticket numbers from the address, and none as an empty list", () => {
    expect(LiveListSchema.parse({ tickets: "12, 13,14" }).tickets).toEqual([12, 13, 14]);
    expect(LiveListSchema.parse({ tickets: "" }).tickets).toEqual([]);
    expect(LiveListSchema.parse({}).tickets).toEqual([]);
  });

  it("refuses what is not a ticket number, and too many, naming tickets", () => {
    for (const tickets of ["12,abc", "0", "-3", Array.from({ length: 101 }, (_, i) => i + 1).join(",")]) {
      const result = LiveListSchema.safeParse({ tickets });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.path[0]).toBe("tickets");
    }
  });

  it("a heartbeat is viewing or replying on a ticket", () => {
    expect(PresenceHeartbeatSchema.parse({ ticket: "7", state: "replying" })).toEqual({ ticket: 7, state: "replying" });
    const bad = PresenceHeartbeatSchema.safeParse({ ticket: 7, state: "typing" });
    expect(bad.error!.issues[0]!.message).toBe("state must be one of viewing, replying");
  });
});
