import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/config";
import { prisma } from "@/lib/db";
import { signInPath } from "@/lib/auth/return-path";
import { roleAtLeast } from "@/lib/auth/roles";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { ActorContext } from "@/lib/context";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { avatarUrl } from "@/lib/services/account/avatar-url";
import type { AccountActor } from "@/lib/services/account/shared";
import type { Role } from "@/lib/generated/prisma/enums";

export const WORKSPACE_COOKIE = "deskbridge-workspace";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  /** Date display preferences; null follows the browser. */
  timeZone: string | null;
  locale: string | null;
  /** The profile picture's URL; null shows initials. */
  avatarUrl: string | null;
  /** The web session's registry row. */
  sessionId: string | null;
  /** A workspace requires two-factor sign-in of this member: pages send them to set it up first. */
  mustEnrolTwoFactor: boolean;
};
export type WorkspaceSession = {
  user: SessionUser;
  workspace: { id: string; name: string; slug: string; planTier: string };
  role: Role;
  workspaces: { id: string; name: string; slug: string; role: Role }[];
  ctx: ActorContext;
};

/** The signed-in, active user, or null. Read once per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      timeZone: true,
      locale: true,
      deactivatedAt: true,
      avatarKey: true,
    },
  });
  if (!user || user.deactivatedAt) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    timeZone: user.timeZone,
    locale: user.locale,
    avatarUrl: avatarUrl(user.id, user.avatarKey),
    sessionId: session.sessionId ?? null,
    mustEnrolTwoFactor: session.mustEnrolTwoFactor === true,
  };
});

/** Where a member whose workspace requires two-factor sign-in sets it up before anything else. */
export const ENROL_TWO_FACTOR_PATH = "/two-factor/enrol";

/**
 * The user, their active workspace (from the workspace cookie, else the first)
 * and their role in it. Null when signed out or without any membership.
 */
export const getWorkspaceSession = cache(async (): Promise<WorkspaceSession | null> => {
  const user = await getCurrentUser();
  if (!user) return null;
  const memberships = await prisma.membership.findMany({
    where: { userId: user.id, deactivatedAt: null },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true, planTier: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  if (memberships.length === 0) return null;
  const wanted = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const active = memberships.find((m) => m.workspace.slug === wanted) ?? memberships[0]!;
  return {
    user,
    workspace: active.workspace,
    role: active.role,
    workspaces: memberships.map((m) => ({ ...m.workspace, role: m.role })),
    ctx: { workspaceId: active.workspace.id, userId: user.id, role: active.role, via: "web" },
  };
});

/** For pages: the workspace session, or a redirect to sign-in. */
export async function requireWorkspaceSession(minRole: Role = "agent", returnTo?: string): Promise<WorkspaceSession> {
  const session = await getWorkspaceSession();
  if (!session) {
    redirect(signInPath(returnTo ?? (await headers()).get("x-deskbridge-path")));
  }
  if (session.user.mustEnrolTwoFactor) redirect(ENROL_TWO_FACTOR_PATH);
  if (!roleAtLeast(session.role, minRole)) redirect("/tickets?denied=1");
  return session;
}

/** For server actions: the actor context, or an AppError (never a redirect mid-action). */
export async function requireActor(minRole: Role = "agent"): Promise<WorkspaceSession> {
  const session = await getWorkspaceSession();
  if (!session) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
  if (session.user.mustEnrolTwoFactor) {
    throw new AppError("forbidden", "Your workspace requires two-factor sign-in: set it up first.");
  }
  if (!roleAtLeast(session.role, minRole)) {
    throw new AppError(minRole === "owner" ? "owner_required" : "admin_required", `This needs the ${minRole} role.`);
  }
  return session;
}

/**
 * For actions on one's own account (password, two-factor, sessions): the
 * signed-in person, where from and in which web session. Works before a
 * required two-factor set-up, which is one of those actions.
 */
export async function requireAccountActor(): Promise<AccountActor> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
  return { userId: user.id, ip: clientIp(await headers()), sessionId: user.sessionId };
}

/** Makes one of the user's workspaces the active one for the next pages. */
export async function setActiveWorkspace(slug: string): Promise<void> {
  const env = getEnv();
  (await cookies()).set(WORKSPACE_COOKIE, slug, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env.NODE_ENV === "production" && env.APP_URL.startsWith("https://"),
  });
}
