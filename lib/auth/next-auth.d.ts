import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The web session's row in the registry (WebSession). */
    sessionId?: string;
    /** A workspace requires two-factor sign-in of this member, who has yet to set it up. */
    mustEnrolTwoFactor?: boolean;
  }
  interface User {
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
    mustEnrol?: boolean;
  }
}
