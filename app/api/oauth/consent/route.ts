// The consent form's submission: CSRF-checked approve or deny, then back to the client.
import { getCurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { approveAuthorization, RequestAlreadyApproved } from "@/lib/oauth/approve";
import { errorRedirect, mayAuthorize, policyText, readPending } from "@/lib/oauth/authorize";
import { findClient } from "@/lib/oauth/clients";
import { oauthErrorPage } from "@/lib/oauth/html";
import { csrfValid } from "@/lib/oauth/signed";

export const dynamic = "force-dynamic";

const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });

export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return oauthErrorPage("Signed out", "Your session ended. Start the connection again from your app.", 401);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return oauthErrorPage("Bad request", "The consent form could not be read.");
  }
  const requestToken = String(form.get("request") ?? "");
  const pending = readPending(requestToken);
  if (!pending)
    return oauthErrorPage(
      "Request expired",
      "This authorization request is invalid or has expired. Start again from your app.",
    );
  if (!csrfValid(user.id, requestToken, String(form.get("csrf") ?? ""))) {
    return oauthErrorPage(
      "Invalid form",
      "The form's security token is missing or wrong. Reload the page and try again.",
      403,
    );
  }
  if (form.get("decision") === "deny") {
    return seeOther(
      errorRedirect(pending.redirect_uri, "access_denied", "The user denied the request.", pending.state),
    );
  }
  const client = await findClient(pending.client_id).catch(() => null);
  if (!client) return oauthErrorPage("Unknown application", "The application is no longer registered.");
  const membership = await prisma.membership.findFirst({
    where: { userId: user.id, deactivatedAt: null, workspace: { slug: String(form.get("workspace") ?? "") } },
    select: { role: true, workspace: { select: { id: true, name: true, oauthAuthorizePolicy: true } } },
  });
  if (!membership) return oauthErrorPage("Not a member", "You are not a member of that workspace.", 403);
  if (!mayAuthorize(membership.role, membership.workspace.oauthAuthorizePolicy)) {
    return oauthErrorPage(
      "Not allowed",
      `In ${membership.workspace.name}, only ${policyText(membership.workspace.oauthAuthorizePolicy)} may authorize apps. Ask an owner.`,
      403,
    );
  }
  const chosen = new Set(form.getAll("scopes").map(String));
  const scopes = pending.scopes.filter((scope) => chosen.has(scope));
  if (scopes.length === 0)
    return oauthErrorPage("No access chosen", "Tick at least one permission, or deny the request.");
  try {
    const location = await approveAuthorization({
      pending,
      client,
      userId: user.id,
      workspaceId: membership.workspace.id,
      scopes,
      remember: true,
    });
    return seeOther(location);
  } catch (error) {
    if (!(error instanceof RequestAlreadyApproved)) throw error;
    return oauthErrorPage(
      "Already approved",
      "This request was approved already, and a request is approved once. Start the connection again from your app.",
      409,
    );
  }
}
