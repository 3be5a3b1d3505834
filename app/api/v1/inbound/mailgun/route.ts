// Mailgun's inbound routes: a signed POST per received mail (form fields or raw MIME), checked
// against MAILGUN_WEBHOOK_SIGNING_KEY, then received like mail from the SMTP receiver.
import { getEnv } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { mailgunToInboundMail, verifyMailgunSignature } from "@/lib/mail/inbound/mailgun";
import { receiveInboundMail } from "@/lib/services/email/receive-inbound-mail";

const NO_STORE = { "Cache-Control": "no-store" };

export async function POST(request: Request) {
  const key = getEnv().MAILGUN_WEBHOOK_SIGNING_KEY;
  if (!key)
    return Response.json(
      { error: "not_found", message: "Mailgun inbound is not configured on this server." },
      { status: 404, headers: NO_STORE },
    );
  const size = Number(request.headers.get("content-length") ?? 0);
  if (size > getEnv().INBOUND_MAX_BYTES * 2)
    return Response.json(
      { error: "too_large", message: `Mail is accepted up to ${getEnv().INBOUND_MAX_BYTES} bytes.` },
      { status: 413, headers: NO_STORE },
    );
  const form = await request.formData().catch(() => null);
  const field = (name: string) => {
    const value = form?.get(name);
    return typeof value === "string" ? value : "";
  };
  const check = verifyMailgunSignature(key, {
    timestamp: field("timestamp"),
    token: field("token"),
    signature: field("signature"),
  });
  // 406 tells Mailgun not to retry: a forged or replayed post never becomes right.
  if (!form || !check.ok)
    return Response.json(
      {
        error: "invalid_signature",
        message:
          check.ok || check.reason === "bad_signature"
            ? "The signature does not match."
            : "The timestamp is outside the replay window.",
      },
      { status: 406, headers: NO_STORE },
    );
  try {
    const result = await receiveInboundMail(await mailgunToInboundMail(form));
    if (result.outcome === "unknown_recipient")
      return Response.json(
        { error: "unknown_recipient", message: "No workspace receives mail at this address." },
        { status: 406, headers: NO_STORE },
      );
    return Response.json(result, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}
