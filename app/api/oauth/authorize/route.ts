// Authorization endpoint: validates the request, sends the person through sign-in and consent (skipped when remembered).
import { signInPath } from "@/lib/auth/return-path";
import { getWorkspaceSession } from "@/lib/auth/session";
import { signPending, validateAuthorizationRequest } from "@/lib/oauth/authorize";
import { needsDocumentFetch } from "@/lib/oauth/cimd";
import { withOAuthEndpoint } from "@/lib/oauth/endpoint";
import { oauthErrorPage } from "@/lib/oauth/html";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { checkPerIpRateLimit } from "@/lib/rate-limit/limiter";
import { approveRememberedRequest } from "@/lib/services/oauth/approve-remembered-request";

export const dynamic = "force-dynamic";

const redirect = (location: string) => new Response(null, { status: 302, headers: { Location: location } });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = withOAuthEndpoint({
  caller: "browser",
  async GET(request) {
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
    const location = await approveRememberedRequest(session.ctx, { pending: outcome.pending, client: outcome.client });
    return redirect(location ?? `/oauth/consent?request=${encodeURIComponent(signPending(outcome.pending))}`);
  },
});
