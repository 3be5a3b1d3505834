// The consent form's submission: CSRF-checked approve or deny, then back to the client.
import { getCurrentUser, getWorkspaceSession } from "@/lib/auth/session";
import { errorRedirect, readPending } from "@/lib/oauth/authorize";
import { findClient } from "@/lib/oauth/clients/find";
import { withOAuthEndpoint } from "@/lib/oauth/endpoint";
import { oauthErrorPage } from "@/lib/oauth/html";
import { csrfValid } from "@/lib/oauth/signed";
import { toAppError } from "@/lib/errors";
import { requestMcpAccess } from "@/lib/services/governance/request-mcp-access";
import { approveAuthorizationRequest } from "@/lib/services/oauth/approve-authorization-request";

export const dynamic = "force-dynamic";

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = withOAuthEndpoint({
  caller: "browser",
  async POST(request) {
    const user = await getCurrentUser();
    if (!user)
      return oauthErrorPage("Signed out", "Your session ended. Start the connection again from your app.", 401);
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
    if (form.get("decision") === "request_access") {
      try {
        const asked = await requestMcpAccess(user.id, { workspaceSlug: String(form.get("workspace") ?? ""), client });
        return oauthErrorPage(
          "Request sent",
          `The owners of ${asked.workspace} were notified${asked.created ? "" : " already"}. Once one approves, connect ${client.name} again.`,
          200,
        );
      } catch (error) {
        const appError = toAppError(error);
        return oauthErrorPage("Request not sent", appError.message, appError.status);
      }
    }
    const session = await getWorkspaceSession();
    if (!session) return oauthErrorPage("Not a member", "You are not a member of that workspace.", 403);
    const outcome = await approveAuthorizationRequest(session.ctx, {
      pending,
      client,
      workspaceSlug: String(form.get("workspace") ?? ""),
      scopes: form.getAll("scopes").map(String),
      toolsets: form.getAll("toolsets").map(String),
      draftsOnly: form.get("drafts_only") ?? undefined,
      confirmDestructive: form.get("confirm_destructive") === "on",
    });
    return outcome.kind === "redirect"
      ? seeOther(outcome.location)
      : oauthErrorPage(outcome.title, outcome.message, outcome.status);
  },
});
