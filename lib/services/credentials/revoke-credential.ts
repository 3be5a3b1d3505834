import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { roleAtLeast } from "@/lib/auth/roles";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { revokeAccess } from "@/lib/credentials/revoke";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { RevokeCredentialSchema, type RevokeCredentialInput } from "@/lib/validations/credentials";

/**
 * Revokes an API key or personal token. Agents may revoke their own tokens;
 * admins and owners any credential of the workspace. Takes effect on the next
 * request: verification reads the row every time.
 */
export async function revokeCredential(ctx: ActorContext, input: RevokeCredentialInput) {
  const { id } = parseInput(RevokeCredentialSchema, input);
  const credential = await prisma.credential.findFirst({
    where: { ...inWorkspace(ctx), id },
    select: { id: true, name: true, kind: true, userId: true, revokedAt: true },
  });
  if (!credential) throw notFound("Credential");
  const own = credential.kind === "personal_token" && credential.userId !== null && credential.userId === ctx.userId;
  if (!own && !roleAtLeast(ctx.role, "admin")) {
    throw new AppError("admin_required", "Only admins and owners can revoke other people's credentials.");
  }
  // Runs even when the credential is already revoked, so keys it minted cannot outlive it.
  const counts = await prisma.$transaction((tx) =>
    revokeAccess(tx, { credentialIds: [credential.id] }, { reason: "revoked", revokedById: ctx.userId }),
  );
  if (counts.credentials) {
    await recordAudit(ctx, {
      action: `${credential.kind}.revoke`,
      details: { credential_id: credential.id, name: credential.name, revoked_credentials: counts.credentials },
    });
  }
  return { id: credential.id, name: credential.name, revoked: true };
}
