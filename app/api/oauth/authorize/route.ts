// Authorization endpoint: validates the request, sends the person through sign-in and consent (skipped when remembered).
import { signInPath } from "@/lib/auth/return-path";
import { getWorkspaceSession } from "@/lib/auth/session";
import { approveAuthorization } from "@/lib/oauth/approve";
import { signPending, validateAuthorizationRequest } from "@/lib/oauth/authorize";
import { needsDocumentFetch } from "@/lib/oauth/cimd";
import { oauthErrorPage } from "@/lib/oauth/html";
import { rememberedConsent } from "@/lib/oauth/remembered-consent";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { checkPerIpRateLimit } from "@/lib/rate-limit/limiter";

export const dynamic = "force-dynamic";

function redirect(location: string, status = 302): Response {
  return new Response(null, { status, headers: { Location: location, "Cache-Control": "no-store" } });
}

export async function GET(request: Request) {
  const url = new URL(request.url);
  // A metadata-document client_id makes this server fetch a URL anyone can name: bounded per client IP.
  if (needsDocumentFetch(url.searchParams.get("client_id") ?? "")) {
    const limit = await checkPerIpRateLimit("client-document", clientIp(request)).catch(() => null);
    if (limit && !limit.allowed) {
      return oauthErrorPage(
        "Too many requests",
        `Too many new applications were looked up from your address. Try again in ${limit.resetS} s.`,
        429,
        { ...limit.headers, "Retry-After": String(limit.resetS) },
      );
    }
  }
  const outcome = await validateAuthorizationRequest(url.searchParams);
  if (outcome.kind === "page") return oauthErrorPage(outcome.title, outcome.message);
  if (outcome.kind === "redirect") return redirect(outcome.location);

  const session = await getWorkspaceSession();
  if (!session) return redirect(signInPath(url.pathname + url.search));

  const remembered = await rememberedConsent({
    pending: outcome.pending,
    client: outcome.client,
    userId: session.user.id,
    workspaceId: session.workspace.id,
    role: session.role,
  });
  if (remembered) {
    const location = await approveAuthorization({
      pending: outcome.pending,
      client: outcome.client,
      userId: session.user.id,
      workspaceId: session.workspace.id,
      scopes: outcome.pending.scopes,
      remember: false,
      reuseGrant: true,
    });
    return redirect(location);
  }
  return redirect(`/oauth/consent?request=${encodeURIComponent(signPending(outcome.pending))}`);
}
