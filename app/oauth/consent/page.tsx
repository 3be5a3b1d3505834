import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signInPath } from "@/lib/auth/return-path";
import { describeScope, type Scope } from "@/lib/auth/scopes";
import { getWorkspaceSession } from "@/lib/auth/session";
import { describeToolset, TOOLSET_NAMES } from "@/lib/auth/toolsets";
import { policyText, readPending } from "@/lib/oauth/authorize";
import { findClient } from "@/lib/oauth/clients/find";
import { splitRequestedScopes } from "@/lib/oauth/remembered-consent";
import { findConsent } from "@/lib/oauth/store";
import { csrfToken } from "@/lib/oauth/signed";
import { authorizationStanding, type AuthorizationStanding } from "@/lib/services/governance/authorization-standing";
import { listOAuthPolicies } from "@/lib/services/workspaces/list-oauth-policies";

export const metadata: Metadata = { title: "Authorize app" };
export const dynamic = "force-dynamic";

function hostOf(uri: string): string {
  try {
    const url = new URL(uri);
    return url.host || `${url.protocol}//`;
  } catch {
    return uri;
  }
}

export default async function ConsentPage({ searchParams }: { searchParams: Promise<{ request?: string }> }) {
  const { request } = await searchParams;
  const session = await getWorkspaceSession();
  if (!session) redirect(signInPath(`/oauth/consent?request=${encodeURIComponent(request ?? "")}`));
  const pending = readPending(request);
  const client = pending ? await findClient(pending.client_id).catch(() => null) : null;
  if (!pending || !client || !request) {
    return (
      <Shell>
        <h1 className="text-xl font-semibold">This request has expired</h1>
        <p className="text-sm text-slate-600">Start the connection again from your app.</p>
      </Shell>
    );
  }
  const policies = await listOAuthPolicies(session.workspaces);
  const workspaces = await Promise.all(
    session.workspaces.map(async (w) => {
      const policy = policies.find((p) => p.id === w.id)!.oauthAuthorizePolicy;
      const standing = await authorizationStanding({
        workspace: { id: w.id, name: w.name, oauthAuthorizePolicy: policy },
        userId: session.user.id,
        role: w.role,
        client,
      });
      return { ...w, allowed: standing.ok, policy, standing };
    }),
  );
  const allowed = workspaces.filter((w) => w.allowed);
  const preferred = allowed.find((w) => w.id === session.workspace.id) ?? allowed[0];
  // What this client already holds in the workspace shown first: a step-up shows only what it adds.
  const consent = await findConsent({
    userId: session.user.id,
    clientId: client.id,
    workspaceId: preferred?.id ?? session.workspace.id,
  });
  const { kept, added } = splitRequestedScopes(pending.scopes, consent?.scopes ?? null);
  // Refused everywhere: the page speaks of the active workspace, and offers to ask its owners.
  const refusedIn = allowed.length ? null : (workspaces.find((w) => w.id === session.workspace.id) ?? workspaces[0]!);
  const refusal = refusedIn && !refusedIn.standing.ok ? refusedIn.standing : null;

  return (
    <Shell>
      <div className="flex items-center gap-3">
        {client.logoUri?.startsWith("https://") ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={client.logoUri} alt="" width={40} height={40} className="rounded" />
        ) : null}
        <div>
          <h1 className="text-xl font-semibold" data-testid="consent-client">
            {client.name} wants to use your Deskbridge account
          </h1>
          <p className="text-sm text-slate-600">
            It will act as <strong>{session.user.name}</strong> and send you back to{" "}
            <strong data-testid="consent-host">{hostOf(pending.redirect_uri)}</strong>.
          </p>
        </div>
      </div>
      {client.registrationType === "dcr" ? (
        <p role="note" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          Unverified app: it registered itself and Deskbridge cannot confirm who publishes it. Continue only if you
          started this connection.
        </p>
      ) : null}
      <form method="post" action="/api/oauth/consent" className="space-y-4">
        <input type="hidden" name="request" value={request} />
        <input type="hidden" name="csrf" value={csrfToken(session.user.id, request)} />
        <fieldset className="space-y-2" data-testid="consent-scopes">
          <legend className="text-sm font-medium text-slate-700">
            {kept.length ? "It asks for more access:" : "It asks to:"}
          </legend>
          {added.map((scope: Scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked className="mt-0.5" />
              <span>
                {describeScope(scope)} <code className="text-xs text-slate-500">{scope}</code>
              </span>
            </label>
          ))}
        </fieldset>
        {kept.length ? (
          <div className="space-y-1" data-testid="consent-kept-scopes">
            <p className="text-sm font-medium text-slate-700">It keeps what you allowed before:</p>
            <ul className="space-y-1 text-sm text-slate-600">
              {kept.map((scope: Scope) => (
                <li key={scope}>
                  <input type="hidden" name="scopes" value={scope} />
                  {describeScope(scope)} <code className="text-xs text-slate-500">{scope}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <ToolsetLimit chosen={consent?.toolsets ?? []} />
        <label className="flex items-start gap-2 rounded-md p-3 text-sm ring-1 ring-slate-200">
          <input
            type="checkbox"
            name="drafts_only"
            value="on"
            defaultChecked={consent?.draftsOnly ?? false}
            className="mt-0.5"
          />
          <span>
            <span className="font-medium">Replies are drafts</span>{" "}
            <span className="block text-xs text-slate-500">
              Replies this app writes wait for an agent to send them from the ticket page, even when the
              workspace&apos;s do not.
            </span>
          </span>
        </label>
        <ConfirmDestructiveChoice checked={consent?.confirmDestructive ?? false} />
        {refusedIn ? (
          <input type="hidden" name="workspace" value={refusedIn.slug} />
        ) : workspaces.length > 1 ? (
          <label className="block text-sm">
            <span className="font-medium text-slate-700">Workspace</span>
            <select
              name="workspace"
              defaultValue={preferred?.slug}
              className="mt-1 block w-full rounded-md px-2 py-1.5 ring-1 ring-slate-300"
            >
              {workspaces.map((w) => (
                <option key={w.slug} value={w.slug} disabled={!w.allowed}>
                  {w.name}
                  {refusalLabel(w.standing, w.policy)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <input type="hidden" name="workspace" value={workspaces[0]!.slug} />
        )}
        {refusal ? (
          <div role="alert" className="space-y-2 rounded-md bg-rose-50 p-3 text-sm text-rose-800 ring-1 ring-rose-200">
            <p data-testid="consent-refusal">{refusal.message}</p>
            {refusal.reason !== "oauth_disabled" ? (
              <button
                type="submit"
                name="decision"
                value="request_access"
                className="rounded-md bg-white px-3 py-1.5 font-medium text-rose-900 ring-1 ring-rose-300"
              >
                {refusal.reason === "client_blocked" ? "Request access" : "Ask an owner"}
              </button>
            ) : null}
          </div>
        ) : (
          <p className="text-xs text-slate-500">
            Workspace: {workspaces.length > 1 ? "chosen above" : workspaces[0]!.name}. You can revoke access any time in
            Profile → MCP Integration.
          </p>
        )}
        <div className="flex gap-2">
          <button
            type="submit"
            name="decision"
            value="approve"
            disabled={allowed.length === 0}
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white disabled:bg-indigo-300"
          >
            Approve
          </button>
          <button
            type="submit"
            name="decision"
            value="deny"
            className="rounded-md px-4 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300"
          >
            Deny
          </button>
        </div>
      </form>
    </Shell>
  );
}

/** Why a workspace is not offered, after its name in the picker. */
function refusalLabel(standing: AuthorizationStanding, policy: Parameters<typeof policyText>[0]): string {
  if (standing.ok) return "";
  if (standing.reason === "oauth_disabled") return " (OAuth connections are off)";
  if (standing.reason === "client_blocked") return " (this app is not on its allow-list)";
  return ` (only ${policyText(policy)} may authorize)`;
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-12">
      <div className="w-full max-w-lg space-y-5 rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <p className="font-semibold text-indigo-700">Deskbridge</p>
        {children}
      </div>
    </main>
  );
}

/** Optional: destructive actions through this connection confirm first, even where the workspace does not ask. */
function ConfirmDestructiveChoice({ checked }: { checked: boolean }) {
  return (
    <label className="flex items-start gap-2 rounded-md p-3 text-sm ring-1 ring-slate-200">
      <input type="checkbox" name="confirm_destructive" defaultChecked={checked} className="mt-0.5" />
      <span>
        <span className="font-medium">Ask me before destructive actions</span>{" "}
        <span className="block text-xs text-slate-500">
          Deletes and large bulk changes through this app wait for your confirmation in the app.
        </span>
      </span>
    </label>
  );
}

/** Optional: limit the connection to some toolsets; none ticked allows every toolset. A step-up keeps the earlier choice ticked. */
function ToolsetLimit({ chosen }: { chosen: readonly string[] }) {
  return (
    <details className="rounded-md p-3 ring-1 ring-slate-200" data-testid="consent-toolsets" open={chosen.length > 0}>
      <summary className="cursor-pointer text-sm font-medium text-slate-700">
        Limit it to some toolsets (optional)
      </summary>
      <p className="mt-2 text-xs text-slate-500">
        Leave all unticked to allow every toolset. A limited connection lists and calls only the tools of the ticked
        toolsets, whatever its permissions above.
      </p>
      <div className="mt-2 grid gap-1 sm:grid-cols-2">
        {TOOLSET_NAMES.map((toolset) => (
          <label key={toolset} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="toolsets"
              value={toolset}
              defaultChecked={chosen.includes(toolset)}
              className="mt-0.5"
            />
            <span>
              <span className="font-medium">{toolset}</span>{" "}
              <span className="text-xs text-slate-500">{describeToolset(toolset)}</span>
            </span>
          </label>
        ))}
      </div>
    </details>
  );
}
