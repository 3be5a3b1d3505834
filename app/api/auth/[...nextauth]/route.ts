// Auth.js sign-in, sign-out, session and CSRF endpoints; a throttled password sign-in answers 429.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { signInWait, throttledMessage } from "@/lib/auth/sign-in-throttle";
import { clientIp } from "@/lib/rate-limit/client-ip";

export const { GET } = handlers;

export async function POST(request: NextRequest) {
  if (!request.nextUrl.pathname.endsWith("/callback/credentials")) return handlers.POST(request);
  const form = request
    .clone()
    .formData()
    .catch(() => null);
  const response = await handlers.POST(request);
  // Auth.js sends a refused sign-in back to the sign-in page; a throttled one is told when to come back.
  const location = response.headers.get("location");
  if (!location || new URL(location, request.url).searchParams.get("code") !== "throttled") return response;
  const email = String((await form)?.get("email") ?? "");
  const waitS = Math.max(1, await signInWait({ email, ip: clientIp(request) }));
  return Response.json(
    { error: "too_many_attempts", message: throttledMessage(waitS) },
    { status: 429, headers: { "Retry-After": String(waitS), "Cache-Control": "no-store" } },
  );
}
