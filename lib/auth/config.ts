import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { prisma } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { safeReturnPath } from "@/lib/auth/return-path";
import { beginSignInAttempt } from "@/lib/auth/sign-in-throttle";
import { SignInThrottled } from "@/lib/auth/sign-in-throttled";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { SignInSchema } from "@/lib/validations/auth";

// Auth.js v5: the App Router `auth()` helper reads the session in server
// components, actions and route handlers alike. JWT sessions; the user row is
// re-read on every request (lib/auth/session.ts), so deactivation is immediate.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // A wrong password is an expected outcome, not a server error worth a stack in the logs.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 7 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = SignInSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        // Before the hash: a throttled try costs nothing.
        const attempt = await beginSignInAttempt({ email: parsed.data.email, ip: clientIp(request) });
        if (attempt.refused) throw new SignInThrottled(attempt.retryAfterS);
        const user = await prisma.user.findUnique({
          where: { email: parsed.data.email },
          select: { id: true, email: true, name: true, passwordHash: true, deactivatedAt: true },
        });
        // Verify against a fixed hash when the user is unknown, so timing does not reveal accounts.
        const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), parsed.data.password);
        if (!user || !ok || user.deactivatedAt) {
          await attempt.failed();
          throw new CredentialsSignin();
        }
        await attempt.succeeded();
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    // Every return address Auth.js honours (callbackUrl fields, its cookie) passes the app's one check.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeReturnPath(url)}`;
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword("not-a-real-password");
  return dummy;
}
