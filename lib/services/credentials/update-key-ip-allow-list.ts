import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { credentialHolder, requireMayManageCredential } from "@/lib/services/credentials/may-manage-credential";
import { UpdateKeyIpAllowListSchema, type UpdateKeyIpAllowListInput } from "@/lib/validations/governance";

/**
 * Replaces an API key's IP allow-list (empty: any address), validated as at creation. Who may change
 * it is who may revoke the key. The new list applies from the next request on every instance.
 */
export async function updateKeyIpAllowList(ctx: ActorContext, input: UpdateKeyIpAllowListInput) {
  const { id, ip_allow_list: ipAllowList } = parseInput(UpdateKeyIpAllowListSchema, input);
  const key = await prisma.credential.findFirst({
    where: { ...inWorkspace(ctx), id },
    select: {
      id: true,
      name: true,
      kind: true,
      userId: true,
      revokedAt: true,
      ipAllowList: true,
      user: credentialHolder(ctx),
    },
  });
  if (!key) throw notFound("API key");
  if (key.kind !== "workspace_key")
    throw new AppError(
      "not_found",
      "No API key has this id: it is a personal token, and personal tokens have no IP allow-list.",
    );
  requireMayManageCredential(ctx, key, "change the IP allow-list of");
  if (key.revokedAt)
    throw new AppError("conflict", "This key was revoked: its IP allow-list no longer matters.", {
      fields: { ip_allow_list: ["a revoked key's allow-list cannot change"] },
    });
  const list = [...new Set(ipAllowList)];
  if (list.length === key.ipAllowList.length && list.every((entry, i) => entry === key.ipAllowList[i]))
    return { id: key.id, name: key.name, ip_allow_list: list, changed: false };
  await prisma.credential.update({ where: { id: key.id }, data: { ipAllowList: list } });
  await announceAccessChange([ctx.workspaceId]);
  await recordAudit(ctx, {
    action: "api_key.update_ip_allow_list",
    details: { credential_id: key.id, name: key.name, from: key.ipAllowList, to: list },
  });
  return { id: key.id, name: key.name, ip_allow_list: list, changed: true };
}
