import "server-only";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { updateRoundRobin } from "@/lib/services/agent-status/update-round-robin";
import { describeWorkspaceSettings } from "@/lib/services/workspaces/describe-workspace-settings";
import { updateOAuthPolicy } from "@/lib/services/workspaces/update-oauth-policy";
import { updateRateLimits } from "@/lib/services/workspaces/update-rate-limits";
import { UpdateWorkspaceSettingsSchema, type UpdateWorkspaceSettingsInput } from "@/lib/validations/settings";

/** Changes the settings page's fields through its own services (owners only, each change audited). */
export async function updateWorkspaceSettings(ctx: ActorContext, input: UpdateWorkspaceSettingsInput) {
  const data = parseInput(UpdateWorkspaceSettingsSchema, input);
  if (ctx.role !== "owner") throw new AppError("owner_required", "Only owners change workspace settings.");
  const changed: string[] = [];
  if (data.oauth_authorize_policy !== undefined) {
    await updateOAuthPolicy(ctx, { policy: data.oauth_authorize_policy });
    changed.push("oauth_authorize_policy");
  }
  if (data.rate_limits !== undefined) {
    await updateRateLimits(ctx, data.rate_limits ?? {});
    changed.push("rate_limits");
  }
  if (data.round_robin !== undefined) {
    await updateRoundRobin(ctx, { round_robin: data.round_robin });
    changed.push("round_robin");
  }
  return { ...(await describeWorkspaceSettings(ctx)), changed };
}
