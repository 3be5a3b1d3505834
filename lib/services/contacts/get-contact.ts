import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { GetContactSchema, type GetContactInput } from "@/lib/validations/contacts";

/** A contact with their ten most recent tickets. */
export async function getContact(ctx: ActorContext, input: GetContactInput) {
  const { contact_id } = parseInput(GetContactSchema, input);
  const contact = await prisma.contact.findFirst({
    where: { ...inWorkspace(ctx), id: contact_id },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      company: true,
      createdAt: true,
      _count: { select: { tickets: true } },
      tickets: {
        orderBy: { updatedAt: "desc" },
        take: 10,
        select: { number: true, subject: true, status: true, updatedAt: true },
      },
    },
  });
  if (!contact) throw notFound("Contact");
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    company: contact.company,
    created_at: contact.createdAt.toISOString(),
    ticket_count: contact._count.tickets,
    recent_tickets: contact.tickets.map((t) => ({
      number: t.number,
      subject: t.subject,
      status: t.status,
      updated_at: t.updatedAt.toISOString(),
    })),
  };
}
