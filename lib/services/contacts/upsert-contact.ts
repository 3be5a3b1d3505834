import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { UpsertContactSchema, type UpsertContactInput } from "@/lib/validations/contacts";

/** Creates a contact by email, or updates the given fields of the existing one. */
export async function upsertContact(ctx: ActorContext, input: UpsertContactInput) {
  const data = parseInput(UpsertContactSchema, input);
  const existing = await prisma.contact.findUnique({
    where: { workspaceId_email: { ...inWorkspace(ctx), email: data.email } },
    select: { id: true },
  });
  const contact = await prisma.contact.upsert({
    where: { workspaceId_email: { ...inWorkspace(ctx), email: data.email } },
    create: {
      ...inWorkspace(ctx),
      email: data.email,
      name: data.name ?? data.email.split("@")[0]!,
      phone: data.phone,
      company: data.company,
    },
    update: { name: data.name, phone: data.phone, company: data.company },
    select: { id: true, name: true, email: true, phone: true, company: true },
  });
  return { ...contact, created: !existing };
}
