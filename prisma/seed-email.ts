// The demo's email: a customer's mail with a colleague on Cc, answered by an agent (the reply goes to
// the dev mailbox once the app's workers run), and a mail the receiving server flagged as spam. Sent
// through receiveInboundMail, the very path the SMTP receiver uses.
import type { ActorContext } from "@/lib/context";
import { inboundAddressOf } from "@/lib/mail/addresses";
import { parseInboundMime } from "@/lib/mail/inbound/parse";
import { receiveInboundMail } from "@/lib/services/email/receive-inbound-mail";
import { replyToTicket } from "@/lib/services/tickets/reply-to-ticket";

function mime(headers: Record<string, string>, text: string): Buffer {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return Buffer.from([...lines, "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", text].join("\r\n"));
}

export async function seedEmail(options: { workspaceId: string; slug: string; agentId: string; now: number }) {
  const to = inboundAddressOf(options.slug);
  const date = new Date(options.now - 30 * 60_000).toUTCString();
  const first = await receiveInboundMail(
    await parseInboundMime(
      mime(
        {
          From: '"Priya Natarajan" <priya@lumen-labs.example>',
          To: to,
          Cc: '"Tom Becker" <tom@lumen-labs.example>',
          Subject: "Invoices show the wrong VAT number",
          "Message-ID": "<vat-number.1@lumen-labs.example>",
          Date: date,
        },
        "Hi,\n\nsince our move to Berlin every invoice still shows our old VAT number. Tom from finance is on copy.\n\nThanks,\nPriya\n\n-- \nPriya Natarajan\nLumen Labs GmbH",
      ),
      [to],
    ),
  );
  if (first.outcome === "created") {
    const agent: ActorContext = {
      workspaceId: options.workspaceId,
      userId: options.agentId,
      role: "agent",
      via: "web",
    };
    await replyToTicket(agent, {
      ticket: first.ticket,
      body: "Hi Priya,\n\nthanks for letting us know. I have updated the VAT number on your account; the next invoice will show it. Could you send me the numbers of the invoices you need reissued?\n\nBest,\nAva",
    });
  }
  await receiveInboundMail(
    await parseInboundMime(
      mime(
        {
          From: "Prize Desk <winner@lucky-draw.example>",
          To: to,
          Subject: "You have won a free cruise!!!",
          "Message-ID": "<cruise.77@lucky-draw.example>",
          "X-Spam-Flag": "YES",
          "X-Spam-Status": "Yes, score=14.2 required=5.0",
          Date: date,
        },
        "Click here to claim your prize.",
      ),
      [to],
    ),
  );
}
