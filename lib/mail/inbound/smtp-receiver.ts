import "server-only";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
import { getEnv } from "@/lib/env";
import { parseInboundMime } from "@/lib/mail/inbound/parse";
import { receiveInboundMail, resolveInboundRecipient } from "@/lib/services/email/receive-inbound-mail";

export type InboundSmtpReceiver = { port: number; close: () => Promise<void> };

type SmtpError = Error & { responseCode?: number };

function smtpError(code: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode: code });
}

function readStream(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

/**
 * The inbound SMTP receiver (smtp-server): mail for a workspace's inbound address or a ticket's reply
 * address goes to receiveInboundMail; other recipients are refused at RCPT TO (550), mail over the
 * size limit with 552 naming the limit. Plain SMTP on a local port, for an MTA or a test to relay to.
 */
export async function startInboundSmtpReceiver(options: { port: number; host?: string; maxBytes?: number }) {
  const maxBytes = options.maxBytes ?? getEnv().INBOUND_MAX_BYTES;
  const server = new SMTPServer({
    name: getEnv().INBOUND_MAIL_DOMAIN,
    banner: "Deskbridge inbound mail",
    size: maxBytes,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      resolveInboundRecipient(address.address).then(
        (target) => callback(target ? undefined : smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`)),
        (error: unknown) => callback(smtpError(451, `4.3.0 Try again later (${String(error)})`)),
      );
    },
    onData(stream, session, callback) {
      readStream(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded)
            throw smtpError(552, `5.3.4 Message too big: this mailbox accepts mail up to ${maxBytes} bytes`);
          const recipients = session.envelope.rcptTo.map((r) => r.address);
          const result = await receiveInboundMail(await parseInboundMime(raw, recipients));
          if (result.outcome === "unknown_recipient") throw smtpError(550, "5.1.1 No such mailbox here");
          const ticket = "ticket" in result && result.ticket ? ` (ticket #${result.ticket})` : "";
          callback(null, `Accepted: ${result.outcome}${ticket}`);
        })
        .catch((error: SmtpError) => {
          if (!error.responseCode) {
            console.error("[mail] inbound mail failed:", error instanceof Error ? error.message : error);
            error = smtpError(451, "4.3.0 Could not take the mail now, try again later");
          }
          callback(error);
        });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? getEnv().INBOUND_SMTP_HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => console.error("[mail] inbound SMTP:", error.message));
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } satisfies InboundSmtpReceiver;
}

/**
 * Starts the receiver when INBOUND_SMTP_PORT is set, in the process that runs the job workers (the
 * web server with in-app workers, or `npm run worker`); a port already bound means another process
 * of the install receives mail, which is said and not an error.
 */
export async function startConfiguredInboundReceiver(): Promise<InboundSmtpReceiver | null> {
  const env = getEnv();
  if (!env.INBOUND_SMTP_PORT) return null;
  try {
    const receiver = await startInboundSmtpReceiver({ port: env.INBOUND_SMTP_PORT });
    console.log(`[mail] inbound SMTP receiver on ${env.INBOUND_SMTP_HOST}:${receiver.port}`);
    process.once("SIGTERM", () => void receiver.close());
    return receiver;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "EADDRINUSE")
      console.log(`[mail] inbound SMTP port ${env.INBOUND_SMTP_PORT} is taken: another process receives mail`);
    else console.error("[mail] inbound SMTP receiver did not start:", error instanceof Error ? error.message : error);
    return null;
  }
}
