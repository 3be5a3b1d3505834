// Header verdicts on inbound mail: whether a machine sent it (auto-replies, bulk and list mail never
// reopen a ticket or get an answer, so two robots cannot mail each other forever) and whether the
// receiving MTA judged it spam.

export type AutomatedReason = "auto_submitted" | "auto_reply" | "bulk";

/** Why the mail counts as automated, or null when a person sent it. `headers` has lower-case names. */
export function automatedReasonOf(headers: Record<string, string>): AutomatedReason | null {
  const autoSubmitted = headers["auto-submitted"]?.trim().toLowerCase();
  if (autoSubmitted && !autoSubmitted.startsWith("no")) return "auto_submitted";
  if ("x-autoreply" in headers || "x-autorespond" in headers || "x-autoreply-from" in headers) return "auto_reply";
  if (headers["x-auto-response-suppress"] && /\b(all|oof|autoreply)\b/i.test(headers["x-auto-response-suppress"]))
    return "auto_reply";
  const precedence = headers["precedence"]?.trim().toLowerCase();
  if (precedence && ["bulk", "junk", "list", "auto_reply"].includes(precedence)) return "bulk";
  if ("list-id" in headers || "list-unsubscribe" in headers) return "bulk";
  return null;
}

/** Whether a spam verdict header from the receiving MTA (SpamAssassin, Mailgun) says spam. */
export function isSpamVerdict(headers: Record<string, string>): boolean {
  if (headers["x-spam-flag"]?.trim().toLowerCase().startsWith("yes")) return true;
  if (/^\s*yes\b/i.test(headers["x-spam-status"] ?? "")) return true;
  if (headers["x-mailgun-sflag"]?.trim().toLowerCase() === "yes") return true;
  return false;
}
