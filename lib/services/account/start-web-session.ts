import "server-only";
import { prisma } from "@/lib/db";

export type StartWebSessionOptions = {
  userId: string;
  ip: string | null;
  userAgent: string | null;
  mustEnrolTwoFactor: boolean;
};

/** Registers a web sign-in; the session cookie carries the row's id. */
export async function startWebSession(options: StartWebSessionOptions): Promise<string> {
  const row = await prisma.webSession.create({
    data: {
      userId: options.userId,
      ip: options.ip,
      userAgent: options.userAgent?.slice(0, 300) ?? null,
      mustEnrolTwoFactor: options.mustEnrolTwoFactor,
    },
    select: { id: true },
  });
  return row.id;
}
