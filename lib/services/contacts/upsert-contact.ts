import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { emitContactCreated } from "@/lib/services/contacts/contact-created";
import { findContactByFurtherEmail } from "@/lib/services/contacts/find-contact-by-email";
import { UpsertContactSchema, type UpsertContactInput } from "@/lib/validations/contacts";

const SELECT = { id: true, name: true, email: true, phone: true, company: true } as const;

/** Creates a contact by email, or updates the given fields of the contact that address belongs to. */
export async function upsertContact(ctx: ActorContext, input: UpsertContactInput) {
  const data = parseInput(UpsertContactSchema, input);
  const fields = { name: data.name, phone: data.phone, company: data.company };
  // A merged contact's further address updates that contact rather than making a new one.
  const merged = await findContactByFurtherEmail(prisma, ctx, data.email);
  if (merged) {
    const contact = await prisma.contact.update({ where: { id: merged.id }, data: fields, select: SELECT });
    return { ...contact, created: false };
  }
  return prisma.$transaction(async (tx) => {
    // Inserting first tells a new contact from an existing one even when two writers race.
    const { count } = await tx.contact.createMany({
      data: [{ ...inWorkspace(ctx), email: data.email, ...fields, name: data.name ?? data.email.split("@")[0]! }],
      skipDuplicates: true,
    });
    const where = { workspaceId_email: { ...inWorkspace(ctx), email: data.email } };
    const contact =
      count > 0
        ? await tx.contact.findUniqueOrThrow({ where, select: SELECT })
        : await tx.contact.update({ where, data: fields, select: SELECT });
    if (count > 0) await emitContactCreated(tx, ctx, contact);
    return { ...contact, created: count > 0 };
  });
}
