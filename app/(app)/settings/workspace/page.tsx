import type { Metadata } from "next";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getWorkspaceSettings } from "@/lib/services/workspaces/get-workspace-settings";
import { WorkspaceSettingsForm } from "./settings-form";
import { RateLimitsForm } from "./rate-limits-form";
import { CsatScaleForm } from "./csat-scale-form";
import { RoundRobinForm } from "./round-robin-form";
import { RequireTwoFactorForm } from "./require-two-factor-form";
import { McpConfirmationForm } from "./mcp-confirmation-form";
import { PLAN_LIMITS } from "@/lib/rate-limit/policies";
import { getMonthlyBudget } from "@/lib/services/governance/get-monthly-budget";

export const metadata: Metadata = { title: "Workspace settings" };

export default async function WorkspaceSettingsPage() {
  const { ctx, role, workspace } = await requireWorkspaceSession("admin", "/settings/workspace");
  const [settings, budget] = await Promise.all([getWorkspaceSettings(ctx), getMonthlyBudget(ctx)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{workspace.name} settings</h1>
      <p className="text-sm text-slate-600">
        Plan: <span className="capitalize">{settings.planTier}</span>
      </p>
      <CsatScaleForm scale={settings.csatScale} />
      <RoundRobinForm enabled={settings.roundRobin} canEdit={role === "owner"} />
      <RequireTwoFactorForm enabled={settings.requireTwoFactor} canEdit={role === "owner"} />
      <WorkspaceSettingsForm policy={settings.oauthAuthorizePolicy} canEdit={role === "owner"} />
      <McpConfirmationForm
        enabled={settings.mcpConfirmDestructive}
        bulkOver={settings.mcpConfirmBulkOver}
        canEdit={role === "owner"}
      />
      <RateLimitsForm
        plan={{ ...PLAN_LIMITS[settings.planTier], perMonth: budget.perSeat * Math.max(1, budget.seats) }}
        overrides={(settings.rateLimitOverrides ?? {}) as Record<string, number>}
        canEdit={role === "owner"}
      />
    </div>
  );
}
