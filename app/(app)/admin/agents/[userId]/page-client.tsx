"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { AuthorizedApps } from "@/components/mcp/authorized-apps";
import { IDLE, type ActionState } from "@/lib/action-state";
import type { CredentialRow } from "@/lib/services/credentials/list-credentials";
import type { AuthorizedApp } from "@/lib/services/oauth/list-authorized-apps";
import { revokeAgentAppAction, revokeAgentCredentialAction, revokeAllAccessAction } from "./actions";

export function AgentAccessClient({
  userId,
  name,
  credentials,
  apps,
}: {
  userId: string;
  name: string;
  credentials: CredentialRow[];
  apps: AuthorizedApp[];
}) {
  const [all, revokeAll, pendingAll] = useActionState(revokeAllAccessAction, IDLE);
  // Bind the agent's id into the app revoke so the page refreshes the right route.
  const revokeApp = (prev: ActionState, form: FormData) => {
    form.set("user_id", userId);
    return revokeAgentAppAction(prev, form);
  };
  return (
    <>
      <section className="flex items-center justify-between gap-4 rounded-lg bg-rose-50 p-4 ring-1 ring-rose-200">
        <p className="text-sm text-rose-900">
          Offboarding? Revoke every token, user-level key and authorized app {name} has in this workspace.
        </p>
        <form action={revokeAll}>
          <input type="hidden" name="user_id" value={userId} />
          <Button type="submit" variant="danger" disabled={pendingAll}>
            Revoke all access
          </Button>
        </form>
      </section>
      <FormMessage state={all} />
      <section
        className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        aria-label="Tokens and keys"
      >
        <h2 className="font-semibold">Tokens and user-level keys</h2>
        {credentials.length === 0 ? <p className="text-sm text-slate-500">None active.</p> : null}
        <ul className="divide-y divide-slate-100 text-sm" data-testid="agent-credentials">
          {credentials.map((c) => (
            <li key={c.id} className="flex items-center justify-between py-1.5">
              <span>
                <span className="font-mono text-xs">{c.masked}</span> {c.name}{" "}
                <span className="text-xs text-slate-500">
                  ({c.kind === "personal_token" ? "personal token" : "API key"}, last used{" "}
                  {c.last_used_at ? new Date(c.last_used_at).toLocaleString("en-GB") : "never"})
                </span>
              </span>
              <RevokeCredential id={c.id} userId={userId} label={c.masked} />
            </li>
          ))}
        </ul>
      </section>
      <AuthorizedApps apps={apps} revokeAction={revokeApp} />
    </>
  );
}

function RevokeCredential({ id, userId, label }: { id: string; userId: string; label: string }) {
  const [state, action, pending] = useActionState(revokeAgentCredentialAction, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="user_id" value={userId} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Revoke ${label}`}>
        Revoke
      </Button>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}
