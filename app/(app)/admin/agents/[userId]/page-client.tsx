"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { RevokeForm } from "@/components/ui/revoke-form";
import { AuthorizedApps } from "@/components/mcp/authorized-apps";
import { IDLE } from "@/lib/action-state";
import type { Role } from "@/lib/generated/prisma/enums";
import type { CredentialRow } from "@/lib/services/credentials/list-credentials";
import type { AuthorizedApp } from "@/lib/services/oauth/list-authorized-apps";
import {
  changeRoleAction,
  offboardAction,
  reactivateAction,
  revokeAgentAppAction,
  revokeAgentCredentialAction,
} from "./actions";
import { TimeAgo } from "@/components/ui/time-ago";

export function AgentAccessClient(props: {
  userId: string;
  name: string;
  workspace: string;
  role: Role;
  deactivatedAt: string | null;
  /** The roles the signed-in admin may give. */
  roles: readonly Role[];
  canAct: boolean;
  self: boolean;
  credentials: CredentialRow[];
  apps: AuthorizedApp[];
}) {
  const { userId, name, credentials, apps, canAct } = props;
  return (
    <>
      {props.deactivatedAt ? (
        <Reactivate {...props} />
      ) : canAct ? (
        <>
          <RoleForm {...props} />
          {props.self ? null : (
            <section className="flex flex-wrap items-center justify-between gap-4 rounded-lg bg-rose-50 p-4 ring-1 ring-rose-200">
              <p className="max-w-2xl text-sm text-rose-900">
                Offboarding? {name} is signed out of {props.workspace} and can no longer sign in to it, and every token,
                user-level key and authorized app they have here is revoked. Their other workspaces are not affected,
                and an admin can reactivate them.
              </p>
              <RevokeForm
                action={offboardAction}
                field="user_id"
                value={userId}
                label={name}
                verb="Offboard"
                showSuccess
                consequence={`${name} can no longer sign in to ${props.workspace}. Their ${credentials.length} active tokens and keys and ${apps.length} authorized apps stop working at once and stay revoked, even if you reactivate them later.`}
              />
            </section>
          )}
        </>
      ) : null}
      <section
        className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        aria-label="Tokens and keys"
      >
        <h2 className="font-semibold">Tokens and user-level keys</h2>
        {credentials.length === 0 ? <p className="text-sm text-slate-500">None active.</p> : null}
        <ul className="divide-y divide-slate-100 text-sm" data-testid="agent-credentials">
          {credentials.map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-4 py-1.5">
              <span className="min-w-0 [overflow-wrap:anywhere]">
                <span className="font-mono text-xs">{c.masked}</span> {c.name}{" "}
                <span className="text-xs text-slate-500">
                  ({c.kind === "personal_token" ? "personal token" : "API key"}, last used{" "}
                  {c.last_used_at ? <TimeAgo date={c.last_used_at} /> : "never"})
                </span>
              </span>
              {canAct ? (
                <RevokeForm
                  action={revokeAgentCredentialAction}
                  field="id"
                  value={c.id}
                  label={c.masked}
                  extra={{ user_id: userId }}
                  consequence={`Every client ${name} set up with ${c.masked} (${c.name}) is refused from its next request, and keys created with it are revoked too.`}
                />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <AuthorizedApps apps={apps} revokeAction={revokeAgentAppAction} extra={{ user_id: userId }} canRevoke={canAct} />
    </>
  );
}

function RoleForm({ userId, name, role, roles }: { userId: string; name: string; role: Role; roles: readonly Role[] }) {
  const [state, action, pending] = useActionState(changeRoleAction, IDLE);
  return (
    <form
      action={action}
      aria-label="Role"
      className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <input type="hidden" name="user_id" value={userId} />
      <div className="space-y-1">
        <label htmlFor="role" className="block text-sm font-medium text-slate-700">
          Role of {name}
        </label>
        <select id="role" name="role" defaultValue={role} key={role} className={`${INPUT_CLASS} capitalize`}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        Change role
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

function Reactivate({
  userId,
  name,
  workspace,
  deactivatedAt,
  canAct,
}: {
  userId: string;
  name: string;
  workspace: string;
  deactivatedAt: string | null;
  canAct: boolean;
}) {
  const [state, action, pending] = useActionState(reactivateAction, IDLE);
  return (
    <section
      className="flex flex-wrap items-center justify-between gap-4 rounded-lg bg-slate-100 p-4 ring-1 ring-slate-200"
      data-testid="deactivated"
    >
      <p className="max-w-2xl text-sm text-slate-700">
        {name} was offboarded from {workspace} <TimeAgo date={deactivatedAt!} mode="exact" /> and cannot sign in to it.
        Reactivating lets them sign in again with their role; the tokens and apps revoked then stay revoked.
      </p>
      {canAct ? (
        <form action={action} className="space-y-1">
          <input type="hidden" name="user_id" value={userId} />
          <Button type="submit" disabled={pending}>
            Reactivate
          </Button>
          <FormMessage state={state} />
        </form>
      ) : null}
    </section>
  );
}
