import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { maskToken } from "@/lib/credentials/token-format";
import { notFound, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { credentialHolder, requireMayManageCredential } from "@/lib/services/credentials/may-manage-credential";
import { RevokePreviousSecretSchema, type RevokePreviousSecretInput } from "@/lib/validations/credentials";

/**
 * Ends a rotation's overlap now: the secret the rotation replaced is refused from the next request on
 * every instance; the key and its current secret go on.
 */
export async function revokePreviousSecret(ctx: ActorContext, input: RevokePreviousSecretInput) {
  const { id } = parseInput(RevokePreviousSecretSchema, input);
  const credential = await prisma.credential.findFirst({
    where: { ...inWorkspace(ctx), id },
    select: {
      id: true,
      name: true,
      kind: true,
      userId: true,
      prefix: true,
      previousLastFour: true,
      previousSecretHash: true,
      user: credentialHolder(ctx),
    },
  });
  if (!credential) throw notFound("Credential");
  requireMayManageCredential(ctx, credential, "rotate");
  if (!credential.previousSecretHash) return { id: credential.id, name: credential.name, revoked: false };
  await prisma.credential.update({
    where: { id: credential.id },
    data: { previousSecretHash: null, previousLastFour: null, previousExpiresAt: null },
  });
  await announceAccessChange([ctx.workspaceId]);
  await recordAudit(ctx, {
    action: `${credential.kind}.revoke_previous_secret`,
    details: {
      credential_id: credential.id,
      name: credential.name,
      previous_secret: maskToken(credential.prefix, credential.previousLastFour ?? "????"),
    },
  });
  return { id: credential.id, name: credential.name, revoked: true };
}
