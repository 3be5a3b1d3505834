// Broad redirects only: signed-out visits to the app go to sign-in and come back.
// Real session checks happen in pages and actions (lib/auth/session.ts).
import { NextResponse, type NextRequest } from "next/server";
import { signInPath } from "@/lib/auth/return-path";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
// /help (the public help center) is deliberately absent: it needs no sign-in.
const PROTECTED = /^\/(tickets|knowledge|settings|profile|admin)(\/|$)/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set("x-deskbridge-path", pathname + search);
  if (PROTECTED.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return NextResponse.redirect(new URL(signInPath(pathname + search), request.url));
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/|api/|\\.well-known/|favicon.ico).*)"],
};
