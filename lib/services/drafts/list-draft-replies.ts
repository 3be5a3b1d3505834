import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { TicketDraftsSchema, type TicketDraftsInput } from "@/lib/validations/mcp-safety";

export type DraftReplyRow = {
  id: string;
  ticket: number;
  body: string;
  proposed_by: { id: string; name: string } | null;
  /** The key or connected app that proposed it. */
  credential: { name: string; kind: string } | null;
  created_at: string;
};

/** The drafts waiting on a ticket, oldest first. */
export async function listDraftReplies(ctx: ActorContext, input: TicketDraftsInput): Promise<DraftReplyRow[]> {
  const { ticket: number } = parseInput(TicketDraftsSchema, input);
  const ticket = await prisma.ticket.findUnique({
    where: { workspaceId_number: { ...inWorkspace(ctx), number } },
    select: {
      draftReplies: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          body: true,
          credentialName: true,
          credentialKind: true,
          createdAt: true,
          proposedBy: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!ticket) throw notFound(`Ticket #${number}`);
  return ticket.draftReplies.map((d) => ({
    id: d.id,
    ticket: number,
    body: d.body,
    proposed_by: d.proposedBy,
    credential: d.credentialName ? { name: d.credentialName, kind: d.credentialKind ?? "unknown" } : null,
    created_at: d.createdAt.toISOString(),
  }));
}
