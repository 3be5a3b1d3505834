// The operator CLI's commands (run through scripts/cli.mjs, which finds the database).
import { parseArgs } from "node:util";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import type { CreateApiKeyInput } from "@/lib/validations/credentials";
import { updateRateLimits } from "@/lib/services/workspaces/update-rate-limits";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { AppError } from "@/lib/errors";
import { addMember } from "@/lib/services/workspaces/add-member";
import { createWorkspace } from "@/lib/services/workspaces/create-workspace";
import { listWorkspaces } from "@/lib/services/workspaces/list-workspaces";
import { resetPassword } from "@/lib/services/users/reset-password";

const USAGE = `Usage: npm run cli -- <command> [options]

  workspace create --name <name> --slug <slug> --owner-email <email> [--owner-name <name>] [--owner-password <pw>] [--plan starter|professional|enterprise]
  workspace list                      one slug per line first, then name, plan, members, tickets
  workspace limits --workspace <slug> [--per-second N] [--per-minute N] [--per-day N] [--oauth-per-minute N]
  member add --workspace <slug> --email <email> [--role owner|admin|agent] [--name <name>] [--password <pw>]
  user reset-password --email <email> [--password <pw>]     prints the new password once when generated
  api-key create --workspace <slug> --name <name> --scopes <a,b,…> [--user <email>] [--expiry-hours <n>]
                                      org-level unless --user binds it to that member; prints the secret once
  token create --user <email> --workspace <slug> [--name <name>]             a personal MCP token, printed once
`;

const num = (value: string | undefined) => (value === undefined ? undefined : Number(value));

type Handler = (values: Record<string, string | undefined>) => Promise<void>;

/** An operator acts in a workspace as its first owner (or as the named member). */
async function operatorContext(slug: string | undefined, email?: string): Promise<ActorContext> {
  const workspace = await prisma.workspace.findUnique({ where: { slug: slug ?? "" }, select: { id: true } });
  if (!workspace) throw new AppError("not_found", `Workspace "${slug ?? ""}" does not exist.`);
  const membership = await prisma.membership.findFirst({
    where: {
      workspaceId: workspace.id,
      deactivatedAt: null,
      ...(email ? { user: { email: email.toLowerCase() } } : { role: "owner" }),
    },
    orderBy: { createdAt: "asc" },
    select: { userId: true, role: true },
  });
  if (!membership)
    throw new AppError("not_found", email ? `${email} is not an active member of ${slug}.` : `${slug} has no owner.`);
  return { workspaceId: workspace.id, userId: membership.userId, role: membership.role, via: "cli" };
}

const COMMANDS: Record<string, { options: string[]; run: Handler }> = {
  "workspace limits": {
    options: ["workspace", "per-second", "per-minute", "per-day", "oauth-per-minute"],
    async run(v) {
      const ctx = await operatorContext(v.workspace);
      const result = await updateRateLimits(
        { ...ctx, role: "owner" },
        {
          perSecond: num(v["per-second"]),
          perMinute: num(v["per-minute"]),
          perDay: num(v["per-day"]),
          oauthPerMinute: num(v["oauth-per-minute"]),
        },
      );
      console.log(`Rate-limit overrides for ${v.workspace}: ${JSON.stringify(result)}`);
    },
  },
  "api-key create": {
    options: ["workspace", "name", "scopes", "user", "expiry-hours"],
    async run(v) {
      const ctx = await operatorContext(v.workspace, v.user);
      // The operator stands in for an admin; a user-level key acts with its member's own role.
      const key = await createApiKey(
        { ...ctx, role: "admin" },
        {
          name: v.name ?? "",
          // Checked by the service's schema, which names an unknown scope.
          scopes: v.scopes ? (v.scopes.split(",").map((s) => s.trim()) as CreateApiKeyInput["scopes"]) : undefined,
          org_level: !v.user,
          expiry_hours: v["expiry-hours"],
        },
      );
      console.error(
        `Created ${key.org_level ? "org-level" : "user-level"} key ${key.masked} (${key.scopes.join(" ")}). The secret is shown once:`,
      );
      console.log(key.secret);
    },
  },
  "token create": {
    options: ["user", "workspace", "name"],
    async run(v) {
      if (!v.user) throw new AppError("validation_error", "--user is required.");
      const ctx = await operatorContext(v.workspace, v.user);
      const token = await createPersonalToken({ ...ctx, via: "cli" }, { name: v.name });
      console.error(
        `Created personal token ${token.masked} for ${v.user}, expires ${token.expires_at.slice(0, 10)}. Shown once:`,
      );
      console.log(token.secret);
    },
  },
  "workspace create": {
    options: ["name", "slug", "owner-email", "owner-name", "owner-password", "plan"],
    async run(v) {
      const result = await createWorkspace({
        name: v.name ?? "",
        slug: v.slug ?? "",
        plan: (v.plan as "starter") ?? undefined,
        owner_email: v["owner-email"] ?? "",
        owner_name: v["owner-name"],
        owner_password: v["owner-password"],
      });
      console.log(`Created workspace ${result.workspace.slug} (${result.workspace.name}); owner ${v["owner-email"]}`);
      if (result.generatedPassword) console.log(`Owner password (shown once): ${result.generatedPassword}`);
    },
  },
  "workspace list": {
    options: [],
    async run() {
      for (const w of await listWorkspaces())
        console.log(`${w.slug}\t${w.name}\t${w.plan}\t${w.members} members\t${w.tickets} tickets`);
    },
  },
  "member add": {
    options: ["workspace", "email", "role", "name", "password"],
    async run(v) {
      const result = await addMember({
        workspace: v.workspace ?? "",
        email: v.email ?? "",
        role: (v.role as "agent") ?? undefined,
        name: v.name,
        password: v.password,
      });
      console.log(`${v.email} is now ${result.role} in ${v.workspace}`);
      if (result.generatedPassword) console.log(`Password (shown once): ${result.generatedPassword}`);
    },
  },
  "user reset-password": {
    options: ["email", "password"],
    async run(v) {
      const result = await resetPassword({ email: v.email ?? "", password: v.password });
      console.log(`Password reset for ${v.email}.`);
      if (!v.password) console.log(`New password (shown once): ${result.password}`);
    },
  },
};

async function main(argv: string[]): Promise<number> {
  const name = argv.slice(0, 2).join(" ");
  const command = COMMANDS[name];
  if (!command) {
    console.error(argv.length ? `Unknown command: ${argv.join(" ")}\n\n${USAGE}` : USAGE);
    return argv.length ? 2 : 0;
  }
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv.slice(2),
      options: Object.fromEntries(command.options.map((o) => [o, { type: "string" as const }])),
      strict: true,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  try {
    await command.run(values);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`Error (${error.code}): ${error.message}`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2))
  .then(async (code) => {
    await prisma.$disconnect();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error("Unexpected error:", error instanceof Error ? error.message : error);
    await prisma.$disconnect();
    process.exit(1);
  });
