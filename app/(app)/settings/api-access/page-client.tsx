"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { RevokeForm } from "@/components/ui/revoke-form";
import { CredentialFilter, filterCredentials, type CredentialFilterValue } from "@/components/mcp/credential-filter";
import { NewSecret } from "@/components/mcp/new-secret";
import { RenameCredential } from "@/components/mcp/rename-credential";
import { PreviousSecret, RotateCredential, RotatedNotice, type Rotated } from "@/components/mcp/rotate-credential";
import { TimeAgo } from "@/components/ui/time-ago";
import { IDLE } from "@/lib/action-state";
import type { CredentialRow } from "@/lib/services/credentials/list-credentials";
import {
  createApiKeyAction,
  renameApiKeyAction,
  revokeApiKeyAction,
  revokePreviousApiKeySecretAction,
  rotateApiKeyAction,
  updateKeyIpAllowListAction,
} from "./actions";
import { IpAllowListForm } from "./ip-allow-list-form";

type Family = { family: string; label: string; read: string; write: string | null };

const EXPIRY = [
  ["", "Never"],
  ["720", "30 days"],
  ["2160", "90 days"],
  ["8760", "1 year"],
] as const;

export function ApiAccessClient({
  keys,
  families,
  toolsets,
}: {
  keys: CredentialRow[];
  families: Family[];
  toolsets: { name: string; holds: string }[];
}) {
  const [state, action, pending] = useActionState(createApiKeyAction, IDLE);
  const [filter, setFilter] = useState<CredentialFilterValue>("all");
  const [rotated, setRotated] = useState<Rotated | null>(null);
  const shown = filterCredentials(keys, filter);
  const created =
    state.status === "ok" ? (state.data as { secret: string; masked: string; name: string } | undefined) : undefined;
  return (
    <>
      {created ? (
        <NewSecret label="New API key" secret={created.secret}>
          Copy the key “{created.name}” now. It is shown only this once and cannot be recovered.
        </NewSecret>
      ) : null}

      <form
        action={action}
        className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        aria-label="Create API key"
      >
        <h2 className="font-semibold">Create an API key</h2>
        <div className="grid gap-4 md:grid-cols-3">
          <Field label="Name" name="name" errors={state.fields?.name}>
            <input id="name" name="name" placeholder="CI pipeline" className={INPUT_CLASS} />
          </Field>
          <Field label="Expires" name="expiry_hours" errors={state.fields?.expiry_hours}>
            <select id="expiry_hours" name="expiry_hours" className={INPUT_CLASS} defaultValue="">
              {EXPIRY.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label="Accepted from (IP allow-list)"
            name="ip_allow_list"
            errors={Object.entries(state.fields ?? {})
              .filter(([key]) => key === "ip_allow_list" || key.startsWith("ip_allow_list."))
              .flatMap(([, messages]) => messages)}
            hint="Addresses or CIDR ranges, one per line; empty: any address."
          >
            <textarea
              id="ip_allow_list"
              name="ip_allow_list"
              rows={2}
              placeholder="203.0.113.0/24"
              className={INPUT_CLASS}
            />
          </Field>
          <fieldset className="space-y-1 text-sm">
            <legend className="font-medium text-slate-700">Acts as</legend>
            <label className="flex gap-2">
              <input type="radio" name="org_level" value="true" defaultChecked /> The workspace (org-level)
            </label>
            <label className="flex gap-2">
              <input type="radio" name="org_level" value="false" /> Me, with my role (user-level)
            </label>
          </fieldset>
        </div>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-700">Scopes</legend>
          <div className="grid gap-x-6 gap-y-1 text-sm md:grid-cols-2">
            {families.map((f) => (
              <div key={f.family} className="flex items-center justify-between gap-2 border-b border-slate-100 py-1">
                <span className="text-slate-700">{f.label}</span>
                <span className="flex gap-3">
                  <label className="flex items-center gap-1" title={f.read}>
                    <input
                      type="checkbox"
                      name="scopes"
                      value={`${f.family}:read`}
                      defaultChecked
                      aria-label={`${f.label} read`}
                    />{" "}
                    read
                  </label>
                  {f.write ? (
                    <label className="flex items-center gap-1" title={f.write}>
                      <input
                        type="checkbox"
                        name="scopes"
                        value={`${f.family}:write`}
                        aria-label={`${f.label} write`}
                      />{" "}
                      write
                    </label>
                  ) : (
                    <span className="w-12" />
                  )}
                </span>
              </div>
            ))}
          </div>
          {state.fields?.scopes?.map((m) => (
            <p key={m} role="alert" className="text-xs text-rose-600">
              {m}
            </p>
          ))}
        </fieldset>
        <details className="text-sm" data-testid="key-toolsets">
          <summary className="cursor-pointer font-medium text-slate-700">Limit to toolsets (optional)</summary>
          <p className="mt-1 text-xs text-slate-500">
            None ticked: every toolset. A limited key lists and calls only the tools of the ticked toolsets.
          </p>
          <div className="mt-2 grid gap-x-6 gap-y-1 md:grid-cols-3">
            {toolsets.map((t) => (
              <label key={t.name} className="flex items-center gap-2" title={t.holds}>
                <input type="checkbox" name="toolsets" value={t.name} aria-label={`Toolset ${t.name}`} /> {t.name}
              </label>
            ))}
          </div>
          {state.fields?.toolsets?.map((m) => (
            <p key={m} role="alert" className="text-xs text-rose-600">
              {m}
            </p>
          ))}
        </details>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="drafts_only" value="on" className="mt-1" aria-label="Replies are drafts" />
          <span>
            <span className="font-medium text-slate-700">Replies are drafts</span>
            <span className="block text-xs text-slate-500">
              Replies through this key wait for an agent to send them, even when the workspace&apos;s do not.
            </span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="confirm_destructive" className="mt-0.5" />
          <span>
            Confirm destructive actions{" "}
            <span className="block text-xs text-slate-500">
              Deletes and large bulk changes through this key wait for a confirmation, even when the workspace does not
              ask for one.
            </span>
          </span>
        </label>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            Create key
          </Button>
          {state.status === "error" ? (
            <FormMessage
              state={state}
              inline={[
                "name",
                "expiry_hours",
                "scopes",
                "toolsets",
                ...Object.keys(state.fields ?? {}).filter((key) => key.startsWith("ip_allow_list")),
              ]}
            />
          ) : null}
        </div>
      </form>

      {rotated ? (
        <NewSecret label="Rotated API key" secret={rotated.secret}>
          Copy the new secret of “{rotated.name}” now. It is shown only this once and cannot be recovered.
          <RotatedNotice rotated={rotated} />
        </NewSecret>
      ) : null}

      <section className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-label="API keys">
        <div className="flex items-center justify-between gap-3 border-b border-slate-100 px-3 py-2">
          <h2 className="font-semibold">Keys</h2>
          <CredentialFilter id="key-filter" rows={keys} value={filter} onChange={setFilter} />
        </div>
        <table className="w-full text-sm" data-testid="api-keys">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Key</th>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Scopes</th>
              <th className="px-3 py-2">Acts as</th>
              <th className="px-3 py-2">Accepted from</th>
              <th className="px-3 py-2">Created</th>
              <th className="px-3 py-2">Last used</th>
              <th className="px-3 py-2">Calls (30 days)</th>
              <th className="px-3 py-2">Expires</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((k) => (
              <tr key={k.id} data-testid="api-key-row" data-status={k.status}>
                <td className="px-3 py-2 text-xs">
                  <span className="font-mono">{k.masked}</span>
                  {k.previous_secret ? (
                    <PreviousSecret
                      id={k.id}
                      name={k.name}
                      previous={k.previous_secret}
                      action={revokePreviousApiKeySecretAction}
                    />
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  {k.status === "revoked" ? (
                    k.name
                  ) : (
                    <RenameCredential id={k.id} name={k.name} action={renameApiKeyAction} />
                  )}
                </td>
                <td className="max-w-xs px-3 py-2 text-xs text-slate-600">
                  {k.scopes.join(" ")}
                  {k.toolsets.length ? <div className="mt-1">Toolsets: {k.toolsets.join(", ")}</div> : null}
                  {k.drafts_only ? <div className="mt-1">Replies are drafts</div> : null}
                  {k.confirm_destructive ? <div className="mt-1">Confirms destructive actions</div> : null}
                </td>
                <td className="px-3 py-2 text-xs">{k.org_level ? "Workspace" : k.user?.name}</td>
                <td className="px-3 py-2 text-xs text-slate-600">
                  <IpAllowListForm
                    id={k.id}
                    name={k.name}
                    list={k.ip_allow_list}
                    editable={k.status === "active"}
                    action={updateKeyIpAllowListAction}
                  />
                </td>
                <td className="px-3 py-2 text-xs text-slate-600">
                  <TimeAgo date={k.created_at} /> by {k.created_by?.name ?? "—"}
                </td>
                <td className="px-3 py-2 text-xs text-slate-600">
                  {k.last_used_at ? (
                    <>
                      <TimeAgo date={k.last_used_at} /> from {k.last_used_ip ?? "?"}
                    </>
                  ) : (
                    "Never"
                  )}
                </td>
                <td className="px-3 py-2 text-right text-xs tabular-nums text-slate-600" data-testid="key-calls">
                  {k.calls_30d}
                </td>
                <td className="px-3 py-2 text-xs text-slate-600">
                  {k.expires_at ? <TimeAgo date={k.expires_at} mode="day" /> : "Never"}
                </td>
                <td className="px-3 py-2 text-right">
                  {k.status === "active" ? (
                    <div className="flex flex-wrap justify-end gap-2">
                      <RotateCredential id={k.id} name={k.name} action={rotateApiKeyAction} onRotated={setRotated} />
                      <RevokeForm
                        action={revokeApiKeyAction}
                        field="id"
                        value={k.id}
                        label={k.name}
                        consequence={`Servers, scripts and MCP clients using ${k.masked} are refused from their next request, and keys created with it are revoked too.`}
                      />
                    </div>
                  ) : (
                    <span className="text-xs capitalize text-slate-500">{k.status}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {keys.length === 0 ? <p className="p-4 text-center text-sm text-slate-500">No API keys yet.</p> : null}
        {keys.length > 0 && shown.length === 0 ? (
          <p className="p-4 text-center text-sm text-slate-500">No {filter} keys.</p>
        ) : null}
      </section>
    </>
  );
}
