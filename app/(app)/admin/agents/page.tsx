import type { Metadata } from "next";
import Link from "next/link";
import { StatusDot } from "@/components/agent-status/status-dot";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { mayActOn } from "@/lib/auth/rank";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { avatarUrl } from "@/lib/services/account/avatar-url";
import { listInvitations } from "@/lib/services/invitations/list-invitations";
import { listMembers } from "@/lib/services/users/list-members";
import { INVITABLE_ROLES } from "@/lib/validations/users";
import { InviteForm } from "./invite-form";
import { Invitations } from "./invitations";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage() {
  const { ctx, role } = await requireWorkspaceSession("admin", "/admin/agents");
  const invitations = await listInvitations(ctx);
  const members = await listMembers(ctx);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Agents</h1>
      <InviteForm roles={INVITABLE_ROLES.filter((r) => mayActOn(role, r))} />
      <Invitations invitations={invitations} />
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2">Email</th>
              <th className="px-3 py-2">Role</th>
              <th className="px-3 py-2">Active tokens and keys</th>
              <th className="px-3 py-2">Authorized apps</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => (
              <tr
                key={m.user.id}
                data-testid="member-row"
                data-status={m.deactivatedAt ? "deactivated" : "active"}
                className={m.deactivatedAt ? "bg-slate-50 text-slate-500" : ""}
              >
                <td className="px-3 py-2">
                  <Avatar name={m.user.name} url={avatarUrl(m.user.id, m.user.avatarKey)} />{" "}
                  <Link href={`/admin/agents/${m.user.id}`} className="font-medium text-indigo-700 hover:underline">
                    {m.user.name}
                  </Link>
                  {m.deactivatedAt ? (
                    <span className="ml-2">
                      <Badge tone="deactivated">Deactivated</Badge>
                    </span>
                  ) : null}
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  <StatusDot status={m.status} />
                </td>
                <td className="px-3 py-2">{m.user.email}</td>
                <td className="px-3 py-2 capitalize">{m.role}</td>
                <td className="px-3 py-2">{m.user._count.credentials}</td>
                <td className="px-3 py-2">{m.user._count.oauthGrants}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
