import { describe, expect, it } from "vitest";
import { NEWER_CUSTOMER_QUESTION, NEWER_TEAM_QUESTION, newerMessagesQuestion } from "@/lib/live/newer-messages";

describe("asking before a reply over newer messages", () => {
  it("names the customer when one of the newer messages is theirs", () => {
    const details = {
      newer_messages: [
        { id: "m1", kind: "note", author_type: "agent" },
        { id: "m2", kind: "reply", author_type: "contact" },
      ],
    };
    expect(newerMessagesQuestion(details)).toBe("A new message from the customer arrived — send anyway?");
    expect(newerMessagesQuestion(details)).toBe(NEWER_CUSTOMER_QUESTION);
  });

  it("speaks of the team when only teammates wrote", () => {
    expect(newerMessagesQuestion({ newer_messages: [{ id: "m1", kind: "reply", author_type: "agent" }] })).toBe(
      NEWER_TEAM_QUESTION,
    );
    expect(newerMessagesQuestion(undefined)).toBe(NEWER_TEAM_QUESTION);
  });
});
