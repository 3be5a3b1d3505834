import { describe, expect, it } from "vitest";
import { automatedReasonOf, isSpamVerdict } from "@/lib/mail/inbound/classify";

describe("automated mail", () => {
  it("names auto-replies, bulk and list mail", () => {
    expect(automatedReasonOf({ "auto-submitted": "auto-replied" })).toBe("auto_submitted");
    expect(automatedReasonOf({ "x-autoreply": "yes" })).toBe("auto_reply");
    expect(automatedReasonOf({ "x-autorespond": "1" })).toBe("auto_reply");
    expect(automatedReasonOf({ precedence: "bulk" })).toBe("bulk");
    expect(automatedReasonOf({ precedence: "junk" })).toBe("bulk");
    expect(automatedReasonOf({ precedence: "list" })).toBe("bulk");
  });

  it("lets mail a person wrote through", () => {
    expect(automatedReasonOf({})).toBeNull();
    expect(automatedReasonOf({ "auto-submitted": "no" })).toBeNull();
    expect(automatedReasonOf({ precedence: "first-class" })).toBeNull();
  });
});

describe("spam verdicts", () => {
  it("reads SpamAssassin's and Mailgun's headers", () => {
    expect(isSpamVerdict({ "x-spam-flag": "YES" })).toBe(true);
    expect(isSpamVerdict({ "x-spam-status": "Yes, score=9.1 required=5.0" })).toBe(true);
    expect(isSpamVerdict({ "x-mailgun-sflag": "Yes" })).toBe(true);
    expect(isSpamVerdict({ "x-spam-flag": "NO", "x-spam-status": "No, score=0.1" })).toBe(false);
    expect(isSpamVerdict({})).toBe(false);
  });
});
