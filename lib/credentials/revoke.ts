import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export type RevokeTargets = { credentialIds?: readonly string[]; grantIds?: readonly string[] };
export type RevokeOptions = { reason: string; revokedById?: string | null; now?: Date };
export type RevokeCounts = { credentials: number; grants: number };

/**
 * The one way access ends: revokes API keys and personal tokens, OAuth grants
 * with their access and refresh tokens, and then every key minted through MCP
 * under any of them, down every level of children. Run it inside the caller's
 * transaction so a revocation is all or nothing, and once that transaction has
 * committed call announceAccessChange (lib/credentials/auth-cache.ts) for the
 * workspace, so that no instance acts on a credential it cached before.
 */
export async function revokeAccess(
  tx: Prisma.TransactionClient,
  targets: RevokeTargets,
  options: RevokeOptions,
): Promise<RevokeCounts> {
  const now = options.now ?? new Date();
  const counts: RevokeCounts = { credentials: 0, grants: 0 };
  let credentialIds = [...(targets.credentialIds ?? [])];
  let grantIds = [...(targets.grantIds ?? [])];
  const seen = new Set<string>();
  while (credentialIds.length || grantIds.length) {
    if (grantIds.length) {
      const grants = await tx.oAuthGrant.updateMany({
        where: { id: { in: grantIds }, revokedAt: null },
        data: { revokedAt: now, revokedReason: options.reason },
      });
      counts.grants += grants.count;
      await tx.oAuthToken.updateMany({
        where: { grantId: { in: grantIds }, revokedAt: null },
        data: { revokedAt: now, successorSecret: null },
      });
    }
    if (credentialIds.length) {
      const credentials = await tx.credential.updateMany({
        where: { id: { in: credentialIds }, revokedAt: null },
        data: { revokedAt: now, revokedById: options.revokedById ?? null },
      });
      counts.credentials += credentials.count;
    }
    for (const id of [...credentialIds, ...grantIds]) seen.add(id);
    // Children are looked up whether or not their parent was already revoked, so a
    // second revocation still reaches a child a first one missed.
    const children = await tx.credential.findMany({
      where: {
        revokedAt: null,
        OR: [
          ...(credentialIds.length ? [{ parentCredentialId: { in: credentialIds } }] : []),
          ...(grantIds.length ? [{ parentGrantId: { in: grantIds } }] : []),
        ],
      },
      select: { id: true },
    });
    credentialIds = children.map((c) => c.id).filter((id) => !seen.has(id));
    grantIds = [];
  }
  return counts;
}
