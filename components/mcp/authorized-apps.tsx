"use client";

import { RevokeForm } from "@/components/ui/revoke-form";
import type { ActionState } from "@/lib/action-state";
import type { AuthorizedApp } from "@/lib/services/oauth/list-authorized-apps";
import { TimeAgo } from "@/components/ui/time-ago";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** OAuth clients a user approved; revoking one kills its access and refresh tokens at once. */
export function AuthorizedApps({
  apps,
  revokeAction,
  extra,
  canRevoke = true,
}: {
  apps: AuthorizedApp[];
  revokeAction: Action;
  /** Hidden fields posted with each revoke (the agent page sends the agent's id). */
  extra?: Record<string, string>;
  canRevoke?: boolean;
}) {
  return (
    <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-label="Authorized apps">
      <h2 className="font-semibold">Authorized apps</h2>
      {apps.length === 0 ? (
        <p className="text-sm text-slate-500">No OAuth apps authorized.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="authorized-apps">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-1">App</th>
                <th className="py-1">Redirects to</th>
                <th className="py-1">Scopes</th>
                <th className="py-1">Workspace</th>
                <th className="py-1">First authorized</th>
                <th className="py-1">Last used</th>
                <th />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {apps.map((app) => (
                <tr key={app.grant_id} data-testid="app-row">
                  <td className="py-1.5 font-medium">{app.client.name}</td>
                  <td className="py-1.5 text-xs">{app.client.redirect_host}</td>
                  <td className="max-w-xs py-1.5 text-xs text-slate-600">{app.scopes.join(" ")}</td>
                  <td className="py-1.5 text-xs">{app.workspace}</td>
                  <td className="py-1.5 text-xs text-slate-600">
                    <TimeAgo date={app.first_authorized_at} />
                  </td>
                  <td className="py-1.5 text-xs text-slate-600">
                    {app.last_used_at ? <TimeAgo date={app.last_used_at} /> : "Never"}
                  </td>
                  <td className="py-1.5 text-right">
                    {canRevoke ? (
                      <RevokeForm
                        action={revokeAction}
                        field="grant_id"
                        value={app.grant_id}
                        label={app.client.name}
                        extra={extra}
                        consequence={`${app.client.name} loses access at once: its access and refresh tokens stop working, and connecting it again asks for consent.`}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
