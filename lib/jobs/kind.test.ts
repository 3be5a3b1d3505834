import { describe, expect, it } from "vitest";
import { z } from "zod";
import { deadLetterQueueOf, defineJobKind } from "./kind";

describe("defineJobKind", () => {
  const base = { payload: z.strictObject({}), handle: async () => {} };

  it("fills in the queue's defaults", () => {
    const kind = defineJobKind({ name: "mail-digest", ...base });
    expect(kind).toMatchObject({ retryLimit: 3, retryDelaySeconds: 30, backoff: true, concurrency: 1 });
    expect(deadLetterQueueOf(kind)).toBe("mail-digest__dead");
  });

  it("refuses a name that is not a plain queue name", () => {
    expect(() => defineJobKind({ name: "Mail Digest", ...base })).toThrow(/lower case, digits and hyphens/);
    expect(() => defineJobKind({ name: "x__dead", ...base })).toThrow(/lower case, digits and hyphens/);
  });
});
