// Authorization endpoint: validates the request, sends the person through sign-in and consent (skipped when remembered).
import { signInPath } from "@/lib/auth/return-path";
import { getWorkspaceSession } from "@/lib/auth/session";
import { approveAuthorization } from "@/lib/oauth/approve";
import { signPending, validateAuthorizationRequest } from "@/lib/oauth/authorize";
import { oauthErrorPage } from "@/lib/oauth/html";
import { rememberedConsent } from "@/lib/oauth/remembered-consent";

export const dynamic = "force-dynamic";

function redirect(location: string, status = 302): Response {
  return new Response(null, { status, headers: { Location: location, "Cache-Control": "no-store" } });
}

export async function GET(request: Request) {
  const url = new URL(request.url);
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
    });
    return redirect(location);
  }
  return redirect(`/oauth/consent?request=${encodeURIComponent(signPending(outcome.pending))}`);
}
