import { describe, expect, it } from "vitest";

process.env.AUTH_SECRET = "unit-test-secret-for-reply-tokens";
const { replyTokenFor, ticketIdOfReplyToken } = await import("@/lib/mail/reply-token");

describe("reply tokens", () => {
  it("name their ticket and survive a mail server folding case", () => {
    const token = replyTokenFor("cmabc123ticket");
    expect(ticketIdOfReplyToken(token)).toBe("cmabc123ticket");
    expect(ticketIdOfReplyToken(token.toUpperCase())).toBe("cmabc123ticket");
  });

  it("refuse a ticket id with another ticket's signature", () => {
    const signature = replyTokenFor("cmabc123ticket").split("-")[1];
    expect(ticketIdOfReplyToken(`cmother456ticket-${signature}`)).toBeNull();
    expect(ticketIdOfReplyToken("cmabc123ticket")).toBeNull();
  });
});
