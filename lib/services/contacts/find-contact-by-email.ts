import "server-only";
import type { ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";

type Db = Pick<Prisma.TransactionClient, "contact" | "contactEmail">;
type Ws = Pick<ActorContext, "workspaceId">;
const SELECT = { id: true, name: true, email: true } as const;

/**
 * The contact an address belongs to: its own email or one of its further addresses (a merged
 * duplicate's). Every lookup by email (new tickets, upserts, edits, search) honours both.
 */
export async function findContactByEmail(db: Db, ctx: Ws, email: string) {
  const own = await db.contact.findUnique({
    where: { workspaceId_email: { workspaceId: ctx.workspaceId, email } },
    select: SELECT,
  });
  return own ?? findContactByFurtherEmail(db, ctx, email);
}

/** The contact that holds the address as a further one (callers that upsert by own email check this first). */
export async function findContactByFurtherEmail(db: Db, ctx: Ws, email: string) {
  const row = await db.contactEmail.findUnique({
    where: { workspaceId_email: { workspaceId: ctx.workspaceId, email } },
    select: { contact: { select: SELECT } },
  });
  return row?.contact ?? null;
}
