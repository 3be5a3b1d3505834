import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { prisma } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { safeReturnPath } from "@/lib/auth/return-path";
import { beginSignInAttempt } from "@/lib/auth/sign-in-throttle";
import { SignInThrottled } from "@/lib/auth/sign-in-throttled";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { TwoFactorFailed, TwoFactorRequired } from "@/lib/auth/two-factor-errors";
import { checkWebSession } from "@/lib/services/account/check-web-session";
import { completeSignInChallenge } from "@/lib/services/account/complete-sign-in-challenge";
import { findSignInChallenge } from "@/lib/services/account/find-sign-in-challenge";
import { startSignInChallenge } from "@/lib/services/account/start-sign-in-challenge";
import { revokeWebSessions } from "@/lib/services/account/revoke-web-sessions";
import { startWebSession } from "@/lib/services/account/start-web-session";
import { twoFactorRequired } from "@/lib/services/account/two-factor-required";
import { TwoFactorSignInSchema } from "@/lib/validations/account";
import { SignInSchema } from "@/lib/validations/auth";

// Auth.js v5: the App Router `auth()` helper reads the session in server
// components, actions and route handlers alike. JWT sessions; the user row is
// re-read on every request (lib/auth/session.ts), so deactivation is immediate.
// Each sign-in has a row in the session registry (WebSession) that the jwt
// callback checks whenever a page or action reads the session: a revoked row
// ends the session. The MCP route never reads it (bearer credentials only).
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
      credentials: { email: {}, password: {}, challenge: {}, code: {} },
      async authorize(raw, request) {
        const ip = clientIp(request);
        const from = { ip, userAgent: request.headers.get("user-agent") };
        if (raw?.challenge) {
          // The code step: the password step's challenge names the person. Wrong codes count
          // against the account like wrong passwords, and the account is cleared only once signed in.
          const step = TwoFactorSignInSchema.safeParse(raw);
          const pending = step.success ? await findSignInChallenge(step.data.challenge) : null;
          if (!step.success || !pending) throw new TwoFactorFailed(false);
          const attempt = await beginSignInAttempt({ email: pending.email, ip });
          if (attempt.refused) throw new SignInThrottled(attempt.retryAfterS);
          const outcome = await completeSignInChallenge(step.data, { ip });
          if (outcome.status !== "ok") {
            await attempt.failed();
            throw new TwoFactorFailed(outcome.status === "wrong_code");
          }
          await attempt.succeeded();
          const user = await prisma.user.findUniqueOrThrow({
            where: { id: outcome.userId },
            select: { id: true, email: true, name: true },
          });
          return { ...user, sessionId: await startWebSession({ userId: user.id, ...from, mustEnrolTwoFactor: false }) };
        }
        const parsed = SignInSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        // Before the hash: a throttled try costs nothing.
        const attempt = await beginSignInAttempt({ email: parsed.data.email, ip: clientIp(request) });
        if (attempt.refused) throw new SignInThrottled(attempt.retryAfterS);
        const user = await prisma.user.findUnique({
          where: { email: parsed.data.email },
          select: {
            id: true,
            email: true,
            name: true,
            passwordHash: true,
            deactivatedAt: true,
            twoFactorEnabledAt: true,
          },
        });
        // Verify against a fixed hash when the user is unknown, so timing does not reveal accounts.
        const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), parsed.data.password);
        if (!user || !ok || user.deactivatedAt) {
          await attempt.failed();
          throw new CredentialsSignin();
        }
        // With two-factor sign-in the password step's try stays counted until the code step succeeds.
        if (user.twoFactorEnabledAt) throw new TwoFactorRequired(await startSignInChallenge(user.id));
        await attempt.succeeded();
        const mustEnrolTwoFactor = await twoFactorRequired(user.id);
        const sessionId = await startWebSession({ userId: user.id, ...from, mustEnrolTwoFactor });
        return { id: user.id, email: user.email, name: user.name, sessionId };
      },
    }),
  ],
  events: {
    // Signing out ends the session's registry row too, so the sessions list shows only live ones.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sub && token.sid) await revokeWebSessions(token.sub, { only: token.sid });
    },
  },
  callbacks: {
    // Every return address Auth.js honours (callbackUrl fields, its cookie) passes the app's one check.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeReturnPath(url)}`;
    },
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = user.sessionId;
        return token;
      }
      // A cookie from before the registry, or a revoked session: signed out (Auth.js clears the cookie).
      if (!token.sub || !token.sid) return null;
      const live = await checkWebSession(token.sid, token.sub);
      if (!live) return null;
      token.mustEnrol = live.mustEnrolTwoFactor;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionId = token.sid;
      session.mustEnrolTwoFactor = token.mustEnrol === true;
      return session;
    },
  },
});

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword("not-a-real-password");
  return dummy;
}
