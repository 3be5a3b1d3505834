import "server-only";
import type { ActorContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Refuses domains another company of the workspace already has: a domain groups one company's contacts. */
export async function assertDomainsFree(
  tx: Prisma.TransactionClient,
  ctx: Pick<ActorContext, "workspaceId">,
  domains: string[],
  exceptCompanyId?: string,
) {
  if (domains.length === 0) return;
  const taken = await tx.company.findFirst({
    where: {
      workspaceId: ctx.workspaceId,
      domains: { hasSome: domains },
      ...(exceptCompanyId ? { id: { not: exceptCompanyId } } : {}),
    },
    select: { name: true, domains: true },
  });
  if (taken) {
    const clash = domains.filter((d) => taken.domains.includes(d));
    throw new AppError("conflict", `${clash.join(", ")} already belongs to ${taken.name}.`, {
      fields: { domains: [`${clash.join(", ")} already belongs to ${taken.name}`] },
    });
  }
}

/** A unique-name clash as a field error rather than a generic failure. */
export function nameTaken(error: unknown): AppError | null {
  if ((error as { code?: string } | null)?.code === "P2002") {
    return new AppError("conflict", "A company with that name already exists.", {
      fields: { name: ["a company with that name already exists"] },
    });
  }
  return null;
}

/** Refuses a name another company of the workspace has (in any letter case). */
export async function assertNameFree(
  tx: Prisma.TransactionClient,
  ctx: Pick<ActorContext, "workspaceId">,
  name: string,
  exceptCompanyId?: string,
) {
  const taken = await tx.company.findFirst({
    where: {
      workspaceId: ctx.workspaceId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptCompanyId ? { id: { not: exceptCompanyId } } : {}),
    },
    select: { id: true },
  });
  if (taken) throw nameTaken({ code: "P2002" })!;
}
