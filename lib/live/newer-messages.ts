// How the composer asks before a reply goes over messages its writer has not seen. The check
// itself is the tickets' collision guard (assertNoNewerMessages), the same one MCP tools pass
// last_seen_message_id to; this only words its conflict for a person.

type NewerMessage = { author_type?: unknown; kind?: unknown };

export const NEWER_CUSTOMER_QUESTION = "A new message from the customer arrived — send anyway?";
export const NEWER_TEAM_QUESTION = "Someone on the team wrote on this ticket since you started — send anyway?";

/** The question for a conflict's `newer_messages` details: the customer's own words weigh most. */
export function newerMessagesQuestion(details: Record<string, unknown> | undefined): string {
  const newer = Array.isArray(details?.newer_messages) ? (details.newer_messages as NewerMessage[]) : [];
  return newer.some((m) => m.author_type === "contact") ? NEWER_CUSTOMER_QUESTION : NEWER_TEAM_QUESTION;
}
