import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { generateToken, hashToken, maskToken, tokenDisplay } from "@/lib/credentials/token-format";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { credentialHolder, requireMayManageCredential } from "@/lib/services/credentials/may-manage-credential";
import { credentialPolicy } from "@/lib/services/governance/credential-policy";
import { ROTATION_OVERLAPS, RotateCredentialSchema, type RotateCredentialInput } from "@/lib/validations/credentials";

/**
 * Gives an API key or personal token a new secret, returned once and stored as its hash. The secret
 * it replaces stays accepted for the chosen overlap (none: it stops at once), so the clients using it
 * can move over; a secret replaced by an earlier rotation stops now. Name, scopes, expiry, allow-list
 * and the keys it minted stay. Who may rotate is who may revoke. Every instance drops what it cached
 * of the workspace's credentials, so the old secret's overlap applies from the next request on.
 */
export async function rotateCredential(ctx: ActorContext, input: RotateCredentialInput) {
  const { id, overlap } = parseInput(RotateCredentialSchema, input);
  const credential = await prisma.credential.findFirst({
    where: { ...inWorkspace(ctx), id },
    select: {
      id: true,
      name: true,
      kind: true,
      userId: true,
      secretHash: true,
      lastFour: true,
      expiresAt: true,
      revokedAt: true,
      user: credentialHolder(ctx),
    },
  });
  if (!credential) throw notFound("Credential");
  requireMayManageCredential(ctx, credential, "rotate");
  const now = new Date();
  if (credential.revokedAt)
    throw new AppError("conflict", "This key was revoked: a revoked key cannot be rotated. Create a new one.");
  if (credential.expiresAt && credential.expiresAt <= now)
    throw new AppError("conflict", "This key has expired: an expired key cannot be rotated. Create a new one.");
  // A kind the owners turned off gets no new secrets.
  await credentialPolicy(ctx.workspaceId, credential.kind);

  const overlapMs = ROTATION_OVERLAPS[overlap];
  let previousExpiresAt = overlapMs ? new Date(now.getTime() + overlapMs) : null;
  // The old secret never outlives the key itself.
  if (previousExpiresAt && credential.expiresAt && previousExpiresAt > credential.expiresAt)
    previousExpiresAt = credential.expiresAt;
  const secret = generateToken(credential.kind);
  const { prefix, lastFour } = tokenDisplay(secret);
  // Only from the secret read above: two rotations at once cannot both keep "the old secret".
  const updated = await prisma.credential.updateMany({
    where: { ...inWorkspace(ctx), id: credential.id, secretHash: credential.secretHash, revokedAt: null },
    data: {
      secretHash: hashToken(secret),
      prefix,
      lastFour,
      previousSecretHash: previousExpiresAt ? credential.secretHash : null,
      previousLastFour: previousExpiresAt ? credential.lastFour : null,
      previousExpiresAt,
      rotatedAt: now,
    },
  });
  if (updated.count === 0)
    throw new AppError("conflict", "This key was rotated or revoked meanwhile. Reload to see its current state.");
  await announceAccessChange([ctx.workspaceId]);
  const previousMasked = maskToken(prefix, credential.lastFour);
  await recordAudit(ctx, {
    action: `${credential.kind}.rotate`,
    details: {
      credential_id: credential.id,
      name: credential.name,
      overlap,
      previous_secret: previousMasked,
      previous_valid_until: previousExpiresAt?.toISOString() ?? null,
    },
  });
  return {
    id: credential.id,
    name: credential.name,
    secret,
    masked: maskToken(prefix, lastFour),
    previous_masked: previousMasked,
    previous_valid_until: previousExpiresAt?.toISOString() ?? null,
  };
}
