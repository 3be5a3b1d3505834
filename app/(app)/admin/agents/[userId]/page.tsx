import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { listCredentials } from "@/lib/services/credentials/list-credentials";
import { listAuthorizedApps } from "@/lib/services/oauth/list-authorized-apps";
import { AgentAccessClient } from "./page-client";

export const metadata: Metadata = { title: "Agent access" };

export default async function AgentAccessPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const { ctx } = await requireWorkspaceSession("admin", `/admin/agents/${userId}`);
  const member = await prisma.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: ctx.workspaceId, userId } },
    select: { role: true, deactivatedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (!member) notFound();
  const [tokens, keys, apps] = await Promise.all([
    listCredentials(ctx, { kind: "personal_token", userId }),
    listCredentials(ctx, { kind: "workspace_key", userId }),
    listAuthorizedApps(ctx, { userId }),
  ]);
  return (
    <div className="space-y-4">
      <Link href="/admin/agents" className="text-sm text-slate-500 hover:text-slate-800">
        ← Agents
      </Link>
      <h1 className="text-xl font-semibold">
        {member.user.name}{" "}
        <span className="text-base font-normal text-slate-500">
          · {member.user.email} · {member.role}
        </span>
      </h1>
      <AgentAccessClient
        userId={userId}
        name={member.user.name}
        credentials={[...tokens, ...keys].filter((c) => c.status === "active")}
        apps={apps}
      />
    </div>
  );
}
