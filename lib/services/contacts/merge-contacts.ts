import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { auditRow } from "@/lib/services/audit/record-audit";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { MergeContactsSchema, type MergeContactsInput } from "@/lib/validations/contacts";

const SELECT = {
  id: true,
  name: true,
  email: true,
  phone: true,
  company: true,
  emails: { select: { email: true } },
} as const;

/**
 * Merges a duplicate into the kept contact in one transaction: the duplicate's tickets and
 * messages move to the kept contact (each moved ticket gets an activity row), every address of
 * the duplicate becomes a further address of the kept one, blank fields are filled from the
 * duplicate, and the duplicate is deleted.
 */
export async function mergeContacts(ctx: ActorContext, input: MergeContactsInput) {
  const data = parseInput(MergeContactsSchema, input);
  return prisma.$transaction(async (tx) => {
    // Two merges of the same contacts wait for each other; the second then finds the duplicate gone.
    await tx.$queryRaw`SELECT c."id" FROM "public"."Contact" c
      WHERE c."workspaceId" = ${ctx.workspaceId} AND c."id" IN (${data.keep_contact_id}, ${data.merge_contact_id})
      ORDER BY c."id" FOR UPDATE`;
    const [keep, drop] = await Promise.all(
      [data.keep_contact_id, data.merge_contact_id].map((id) =>
        tx.contact.findFirst({ where: { ...inWorkspace(ctx), id }, select: SELECT }),
      ),
    );
    if (!keep) throw notFound("Contact keep_contact_id");
    if (!drop) throw notFound("Contact merge_contact_id");

    const tickets = await tx.ticket.findMany({
      where: { ...inWorkspace(ctx), contactId: drop.id },
      orderBy: { number: "asc" },
      select: { id: true, number: true },
    });
    await tx.ticket.updateMany({ where: { ...inWorkspace(ctx), contactId: drop.id }, data: { contactId: keep.id } });
    await tx.message.updateMany({
      where: { ...inWorkspace(ctx), authorContactId: drop.id },
      data: { authorContactId: keep.id },
    });

    const addresses = [drop.email, ...drop.emails.map((e) => e.email)].filter(
      (e): e is string => e !== null && e !== keep.email,
    );
    // A kept contact without an email takes the duplicate's; the rest become further addresses.
    const primary = keep.email ?? addresses.shift() ?? null;
    // The duplicate and its further addresses go first: each address is unique in the workspace.
    await tx.contact.delete({ where: { id: drop.id } });
    const kept = await tx.contact.update({
      where: { id: keep.id },
      data: { email: primary, phone: keep.phone ?? drop.phone, company: keep.company ?? drop.company },
      select: { id: true, name: true, email: true, phone: true, company: true },
    });
    if (addresses.length) {
      await tx.contactEmail.createMany({
        data: addresses.map((email) => ({ ...inWorkspace(ctx), contactId: keep.id, email })),
        skipDuplicates: true,
      });
    }
    const emails = [...(kept.email ? [kept.email] : []), ...keep.emails.map((e) => e.email), ...addresses];

    for (const ticket of tickets) {
      await recordActivity(tx, ctx, {
        ticketId: ticket.id,
        action: "contact_merged",
        changes: {
          contact: { from: drop.name, to: kept.name },
          from_contact_id: drop.id,
          to_contact_id: kept.id,
        },
      });
    }
    await tx.auditEvent.create({
      data: auditRow(ctx, {
        action: "contact.merge",
        details: {
          kept_contact_id: kept.id,
          merged_contact_id: drop.id,
          moved_tickets: tickets.length,
          moved_emails: addresses.length,
        },
      }),
    });
    return {
      contact: kept,
      emails,
      merged_contact_id: drop.id,
      moved_tickets: tickets.map((t) => t.number),
    };
  });
}
