import { describe, expect, it } from "vitest";
import { trimReplyText } from "@/lib/mail/inbound/trim";

describe("trimReplyText", () => {
  it("drops the quoted history under a client's header", () => {
    const text =
      "Still broken after the update.\n\nOn Tue, 1 Dec 2026 at 10:00, Support <s@x.test> wrote:\n> Try updating.\n";
    expect(trimReplyText(text)).toBe("Still broken after the update.");
  });

  it("drops a header wrapped over two lines", () => {
    const text = "Thanks!\n\nOn Tue, 1 Dec 2026 at 10:00, Deskbridge Support\n<support@x.test> wrote:\n> Done.";
    expect(trimReplyText(text)).toBe("Thanks!");
  });

  it("drops Outlook's original message block and the signature", () => {
    expect(trimReplyText("Yes please.\n-----Original Message-----\nFrom: a@b.test\n")).toBe("Yes please.");
    expect(trimReplyText("See attached.\n\n-- \nAda Lovelace\nAnalytical Engines Ltd")).toBe("See attached.");
    expect(trimReplyText("Ok\n\nSent from my iPhone")).toBe("Ok");
  });

  it("drops trailing quoted lines but keeps quotes inside the text", () => {
    expect(trimReplyText("> you said it works\nIt does not.\n\n> earlier\n> mail")).toBe(
      "> you said it works\nIt does not.",
    );
  });
});
