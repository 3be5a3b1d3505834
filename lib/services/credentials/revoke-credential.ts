import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { revokeAccess } from "@/lib/credentials/revoke";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { credentialHolder, requireMayManageCredential } from "@/lib/services/credentials/may-manage-credential";
import { RevokeCredentialSchema, type RevokeCredentialInput } from "@/lib/validations/credentials";

export type RevokeCredentialOptions = {
  /** Only this kind may be revoked: revoke_api_key passes workspace_key and never reaches a personal token. */
  kind?: "workspace_key" | "personal_token";
};

/**
 * Revokes an API key or personal token. Anyone may revoke their own; a
 * credential bound to someone else follows the rank rule (an owner's token or
 * user-level key needs an owner); an org-level key, which acts as the
 * workspace, needs an admin. Takes effect on the next request on every
 * instance: the access change voids whatever any of them cached.
 */
export async function revokeCredential(
  ctx: ActorContext,
  input: RevokeCredentialInput,
  options: RevokeCredentialOptions = {},
) {
  const { id } = parseInput(RevokeCredentialSchema, input);
  const credential = await prisma.credential.findFirst({
    where: { ...inWorkspace(ctx), id },
    select: {
      id: true,
      name: true,
      kind: true,
      userId: true,
      user: credentialHolder(ctx),
    },
  });
  if (!credential) throw notFound(options.kind === "workspace_key" ? "API key" : "Credential");
  if (options.kind && credential.kind !== options.kind) {
    throw new AppError(
      "not_found",
      options.kind === "workspace_key"
        ? "No API key has this id: it is a personal token, which is not revoked here. Its owner revokes it in Profile → MCP Integration, an admin in Admin → Agents."
        : "No personal token has this id: it is a workspace API key, revoked in Settings → API Access.",
    );
  }
  requireMayManageCredential(ctx, credential, "revoke");
  // Runs even when the credential is already revoked, so keys it minted cannot outlive it.
  const counts = await prisma.$transaction((tx) =>
    revokeAccess(tx, { credentialIds: [credential.id] }, { reason: "revoked", revokedById: ctx.userId }),
  );
  await announceAccessChange([ctx.workspaceId]);
  if (counts.credentials) {
    await recordAudit(ctx, {
      action: `${credential.kind}.revoke`,
      details: { credential_id: credential.id, name: credential.name, revoked_credentials: counts.credentials },
    });
  }
  return { id: credential.id, name: credential.name, revoked: true };
}
