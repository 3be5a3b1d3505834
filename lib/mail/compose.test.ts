import { describe, expect, it } from "vitest";
import { mailbox, replySubject, textToHtml } from "@/lib/mail/compose";

describe("textToHtml", () => {
  it("escapes every tag, so a message cannot inject markup", () => {
    const html = textToHtml('Hi <script>alert(1)</script> & "you"\n\n<img src=x onerror=alert(1)>');
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;you&quot;");
  });

  it("keeps paragraphs, line breaks and links", () => {
    expect(textToHtml("One\ntwo\n\nSee https://example.com/a?b=1.")).toContain(
      '<p>One<br>\ntwo</p>\n<p>See <a href="https://example.com/a?b=1">https://example.com/a?b=1</a>.</p>',
    );
  });
});

describe("headers", () => {
  it("do not stack Re: and quote display names", () => {
    expect(replySubject("Re: Login")).toBe("Re: Login");
    expect(replySubject("Login")).toBe("Re: Login");
    expect(mailbox('Acme "Support"', "s@acme.test")).toBe('"Acme Support" <s@acme.test>');
  });
});
