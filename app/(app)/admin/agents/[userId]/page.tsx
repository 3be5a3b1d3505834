import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { mayActOn } from "@/lib/auth/rank";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listCredentials } from "@/lib/services/credentials/list-credentials";
import { listAuthorizedApps } from "@/lib/services/oauth/list-authorized-apps";
import { findMember } from "@/lib/services/users/find-member";
import { ROLES } from "@/lib/validations/workspaces";
import { AgentAccessClient } from "./page-client";

export const metadata: Metadata = { title: "Agent access" };

export default async function AgentAccessPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const { ctx, role, workspace } = await requireWorkspaceSession("admin", `/admin/agents/${userId}`);
  const member = await findMember(ctx, userId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const [tokens, keys, apps] = await Promise.all([
    listCredentials(ctx, { kind: "personal_token", userId }),
    listCredentials(ctx, { kind: "workspace_key", userId }),
    listAuthorizedApps(ctx, { userId }),
  ]);
  const self = userId === ctx.userId;
  const canAct = self || mayActOn(role, member.role);
  return (
    <div className="space-y-4">
      <Link href="/admin/agents" className="text-sm text-slate-500 hover:text-slate-800">
        ← Agents
      </Link>
      <h1 className="flex flex-wrap items-center gap-x-2 text-xl font-semibold">
        {member.user.name}{" "}
        <span className="min-w-0 text-base font-normal text-slate-500 [overflow-wrap:anywhere]">
          · {member.user.email} · <span data-testid="member-role">{member.role}</span>
        </span>
        {member.deactivatedAt ? <Badge tone="deactivated">Deactivated</Badge> : null}
      </h1>
      {canAct ? null : (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {member.user.name} is an owner: only an owner can change their role, revoke their access or offboard them.
        </p>
      )}
      <AgentAccessClient
        userId={userId}
        name={member.user.name}
        workspace={workspace.name}
        role={member.role}
        deactivatedAt={member.deactivatedAt?.toISOString() ?? null}
        roles={ROLES.filter((r) => mayActOn(role, r))}
        canAct={canAct}
        self={self}
        credentials={[...tokens, ...keys].filter((c) => c.status === "active")}
        apps={apps}
      />
    </div>
  );
}
