import "server-only";
import { prisma } from "@/lib/db";
import { mailTransport } from "@/lib/mail/transport";

/**
 * Delivers one recorded message: through SMTP, or into the dev outbox (the built MIME is kept on the
 * row). A message already sent is left alone, so a second delivery of the job sends nothing.
 * Throws on a failed attempt (the job retries); `final` marks the row failed for good.
 */
export async function sendRecordedMail(mailId: string, options: { final: boolean }): Promise<void> {
  const mail = await prisma.mailMessage.findUnique({ where: { id: mailId } });
  if (!mail || mail.status === "sent") return;
  const { kind, transporter } = mailTransport();
  try {
    const info = (await transporter.sendMail({
      from: mail.fromAddress,
      to: mail.to,
      cc: mail.cc.length ? mail.cc : undefined,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? undefined,
      headers: (mail.headers ?? {}) as Record<string, string>,
      messageId: `<${mail.messageId}>`,
    })) as { message?: Buffer | string };
    const raw = kind === "outbox" && info.message ? info.message.toString() : null;
    await prisma.mailMessage.update({
      where: { id: mail.id },
      data: { status: "sent", transport: kind, raw, sentAt: new Date(), attempts: { increment: 1 }, error: null },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await prisma.mailMessage.update({
      where: { id: mail.id },
      data: {
        status: options.final ? "failed" : "queued",
        transport: kind,
        error: message.slice(0, 500),
        attempts: { increment: 1 },
      },
    });
    throw error;
  }
}
