"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
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
  generateTokenAction,
  renameTokenAction,
  revokePreviousTokenSecretAction,
  revokeTokenAction,
  rotateTokenAction,
} from "./actions";

export function McpProfileClient({ tokens, limit }: { tokens: CredentialRow[]; limit: number }) {
  const [state, action, pending] = useActionState(generateTokenAction, IDLE);
  const [filter, setFilter] = useState<CredentialFilterValue>("active");
  const [rotated, setRotated] = useState<Rotated | null>(null);
  const shown = filterCredentials(tokens, filter);
  const active = filterCredentials(tokens, "active").length;
  const created = state.status === "ok" ? (state.data as { secret: string; masked: string } | undefined) : undefined;
  return (
    <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-label="Access tokens">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="font-semibold">Access tokens</h2>
          <p className="text-xs text-slate-500">
            {active} of {limit} active. Tokens carry all scopes, your role still applies, and they expire two years
            after you generate them.
          </p>
        </div>
        <form action={action} className="flex items-center gap-2" aria-label="Generate token">
          <input
            name="name"
            placeholder="Name (e.g. Cursor on laptop)"
            aria-label="Token name"
            className={INPUT_CLASS}
          />
          <Button type="submit" disabled={pending}>
            Generate token
          </Button>
        </form>
      </div>
      {state.status === "error" ? <FormMessage state={state} /> : null}
      {created ? (
        <NewSecret label="New token" secret={created.secret}>
          Copy your token now. It is displayed only once and cannot be retrieved later.
        </NewSecret>
      ) : null}
      {rotated ? (
        <NewSecret label="Rotated token" secret={rotated.secret}>
          Copy the new secret of “{rotated.name}” now. It is displayed only once and cannot be retrieved later.
          <RotatedNotice rotated={rotated} />
        </NewSecret>
      ) : null}
      <div className="flex justify-end">
        <CredentialFilter id="token-filter" rows={tokens} value={filter} onChange={setFilter} />
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="tokens">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1">Token</th>
              <th className="py-1">Name</th>
              <th className="py-1">Created</th>
              <th className="py-1">Last used</th>
              <th className="py-1 text-right">Calls (30 days)</th>
              <th className="py-1">Expires</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((t) => (
              <tr key={t.id} data-testid="token-row" data-status={t.status}>
                <td className="py-1.5 text-xs">
                  <span className="font-mono">{t.masked}</span>
                  {t.previous_secret ? (
                    <PreviousSecret
                      id={t.id}
                      name={t.name}
                      previous={t.previous_secret}
                      action={revokePreviousTokenSecretAction}
                    />
                  ) : null}
                </td>
                <td className="py-1.5">
                  {t.status === "revoked" ? (
                    t.name
                  ) : (
                    <RenameCredential id={t.id} name={t.name} action={renameTokenAction} />
                  )}
                </td>
                <td className="py-1.5 text-xs text-slate-600">
                  <TimeAgo date={t.created_at} />
                </td>
                <td className="py-1.5 text-xs text-slate-600">
                  {t.last_used_at ? (
                    <>
                      <TimeAgo date={t.last_used_at} /> from {t.last_used_ip ?? "?"}
                    </>
                  ) : (
                    "Never"
                  )}
                </td>
                <td className="py-1.5 text-right text-xs tabular-nums text-slate-600" data-testid="token-calls">
                  {t.calls_30d}
                </td>
                <td className="py-1.5 text-xs text-slate-600">
                  {t.expires_at ? <TimeAgo date={t.expires_at} mode="day" /> : "—"}
                </td>
                <td className="py-1.5 text-right">
                  {t.status === "active" ? (
                    <div className="flex flex-wrap justify-end gap-2">
                      <RotateCredential id={t.id} name={t.name} action={rotateTokenAction} onRotated={setRotated} />
                      <RevokeForm
                        action={revokeTokenAction}
                        field="id"
                        value={t.id}
                        label={t.masked}
                        consequence={`Every client set up with ${t.masked} (${t.name}) is refused from its next request, and keys created with it are revoked too.`}
                      />
                    </div>
                  ) : (
                    <span className="text-xs capitalize text-slate-400">{t.status}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-500">{filter === "all" ? "No tokens yet." : `No ${filter} tokens.`}</p>
      ) : null}
    </section>
  );
}
