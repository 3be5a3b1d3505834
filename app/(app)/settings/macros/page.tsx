import type { Metadata } from "next";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { listMacros } from "@/lib/services/macros/list-macros";
import { listTeams } from "@/lib/services/teams/list-teams";
import { listAgents } from "@/lib/services/users/list-agents";
import { PLACEHOLDERS } from "@/lib/templates/placeholders";
import { MacrosClient } from "./page-client";

export const metadata: Metadata = { title: "Macros" };

export default async function MacrosPage() {
  const { ctx, role } = await requireWorkspaceSession("agent", "/settings/macros");
  const [{ items }, teams, agents] = await Promise.all([listMacros(ctx), listTeams(ctx), listAgents(ctx)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Macros</h1>
        <p className="text-sm text-slate-600">
          A macro is a named set of actions — a reply or note, status, priority, team, assignee, tags — applied to a
          ticket in one click. Personal macros are yours alone; shared macros are the workspace&apos;s (admins manage
          them).
        </p>
      </div>
      <MacrosClient
        macros={items}
        teams={teams.map((t) => ({ id: t.id, name: t.name }))}
        agents={agents.map((a) => ({ id: a.id, name: a.name }))}
        canShare={roleAtLeast(role, "admin")}
        placeholders={Object.entries(PLACEHOLDERS).map(([name, meaning]) => ({ name, meaning }))}
      />
    </div>
  );
}
