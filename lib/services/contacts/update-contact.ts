import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { auditRow } from "@/lib/services/audit/record-audit";
import { findContactByEmail } from "@/lib/services/contacts/find-contact-by-email";
import { UpdateContactSchema, type UpdateContactInput } from "@/lib/validations/contacts";

const SELECT = { id: true, name: true, email: true, phone: true, company: true } as const;

/**
 * Changes a contact's name, email, phone or company text. A new email that is one of the
 * contact's further addresses becomes the main one (the old main address is kept as a further
 * one); an address of another contact is a conflict (merge the two instead).
 */
export async function updateContact(ctx: ActorContext, input: UpdateContactInput) {
  const data = parseInput(UpdateContactSchema, input);
  return prisma.$transaction(async (tx) => {
    const contact = await tx.contact.findFirst({
      where: { ...inWorkspace(ctx), id: data.contact_id },
      select: { ...SELECT, emails: { select: { id: true, email: true } } },
    });
    if (!contact) throw notFound("Contact");
    const changed: Record<string, { from: string | null; to: string | null }> = {};
    for (const field of ["name", "email", "phone", "company"] as const) {
      const to = data[field];
      if (to !== undefined && to !== contact[field]) changed[field] = { from: contact[field], to };
    }
    if (changed.email && data.email) {
      const owner = await findContactByEmail(tx, ctx, data.email);
      if (owner && owner.id !== contact.id) {
        throw new AppError("conflict", "Another contact has that email; merge the two contacts instead.", {
          fields: { email: ["another contact has that email"] },
        });
      }
      const further = contact.emails.find((e) => e.email === data.email);
      if (further) await tx.contactEmail.delete({ where: { id: further.id } });
    }
    const updated = await tx.contact.update({
      where: { id: contact.id },
      data: { name: data.name, email: data.email, phone: data.phone, company: data.company },
      select: SELECT,
    });
    // The old main address keeps finding the contact.
    if (changed.email && contact.email) {
      await tx.contactEmail.create({ data: { ...inWorkspace(ctx), contactId: contact.id, email: contact.email } });
    }
    if (Object.keys(changed).length) {
      await tx.auditEvent.create({
        data: auditRow(ctx, {
          action: "contact.update",
          details: { contact_id: contact.id, fields: Object.keys(changed) },
        }),
      });
    }
    return { ...updated, changed: Object.keys(changed) };
  });
}
