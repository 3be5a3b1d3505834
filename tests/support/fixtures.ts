// Builds small, isolated workspaces through the real services for integration tests.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { addMember } from "@/lib/services/workspaces/add-member";
import { createWorkspace } from "@/lib/services/workspaces/create-workspace";

process.env.DATABASE_URL ??= inject("databaseUrl");
// A test process that enqueues (queueMail, …) is a producer, like a web instance that leaves the
// work to workers: the suite's app servers run the workers and keep the queues' settings.
process.env.JOB_WORKERS ??= "off";

export type TestWorkspace = Awaited<ReturnType<typeof createTestWorkspace>>;

/** A workspace with an owner, an admin, two agents, two teams and a few tickets. */
export async function createTestWorkspace(label = "ws") {
  const suffix = randomBytes(3).toString("hex");
  const slug = `${label}-${suffix}`;
  const email = (who: string) => `${who}.${suffix}@${label}.test`;
  const { workspace, ownerId } = await createWorkspace({
    name: `${label} ${suffix}`,
    slug,
    owner_email: email("owner"),
    // Enterprise limits, so suites that fire many calls measure behaviour, not the burst window.
    plan: "enterprise",
    owner_password: "correct horse battery",
  });
  const admin = await addMember({
    workspace: slug,
    email: email("admin"),
    role: "admin",
    password: "correct horse battery",
  });
  const agent = await addMember({
    workspace: slug,
    email: email("agent"),
    role: "agent",
    password: "correct horse battery",
  });
  const agent2 = await addMember({
    workspace: slug,
    email: email("agent2"),
    role: "agent",
    password: "correct horse battery",
  });
  const ctx = (userId: string | null, role: ActorContext["role"]): ActorContext => ({
    workspaceId: workspace.id,
    userId,
    role,
    via: "web",
  });
  const teams = await Promise.all(
    ["Billing", "Technical"].map((name) =>
      prisma.team.create({ data: { workspaceId: workspace.id, name }, select: { id: true, name: true } }),
    ),
  );
  const owner = ctx(ownerId, "owner");
  const tickets = [];
  for (const [i, subject] of ["Refund for double charge", "Export times out", "Invite my team"].entries()) {
    tickets.push(
      await createTicket(owner, {
        subject,
        body: i === 1 ? "The CSV export spins forever then fails with a gateway error." : `Message body ${i}`,
        contact_email: `customer${i}.${suffix}@example.com`,
        team: teams[i % 2]!.id,
      }),
    );
  }
  return {
    workspace,
    slug,
    teams,
    tickets,
    users: { owner: ownerId, admin: admin.userId, agent: agent.userId, agent2: agent2.userId },
    emails: { owner: email("owner"), admin: email("admin"), agent: email("agent") },
    owner,
    admin: ctx(admin.userId, "admin"),
    agent: ctx(agent.userId, "agent"),
    agent2: ctx(agent2.userId, "agent"),
  };
}
