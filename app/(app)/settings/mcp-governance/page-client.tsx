"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE, type ActionState } from "@/lib/action-state";
import { decideAccessRequestAction, updateMcpGovernanceAction } from "./actions";

type Governance = {
  mcpEnabled: boolean;
  apiKeysEnabled: boolean;
  personalTokensEnabled: boolean;
  oauthEnabled: boolean;
  maxCredentialLifetimeDays: number | null;
  clientAllowListEnabled: boolean;
  allowedClientUrls: string[];
  allowedClientNames: string[];
  allowedRedirectDomains: string[];
};

const SWITCHES = [
  ["mcp_enabled", "mcpEnabled", "MCP access", "Off: every MCP request of this workspace is refused."],
  ["api_keys_enabled", "apiKeysEnabled", "Workspace API keys", "Keys from Settings → API Access."],
  ["personal_tokens_enabled", "personalTokensEnabled", "Personal tokens", "Tokens agents make in Profile → MCP."],
  ["oauth_enabled", "oauthEnabled", "OAuth connections", "Apps people authorize on the consent page."],
] as const;

const LISTS = [
  ["allowed_client_urls", "allowedClientUrls", "Metadata document URLs", "https://app.example/oauth/client.json"],
  ["allowed_client_names", "allowedClientNames", "Client names", "Claude"],
  ["allowed_redirect_domains", "allowedRedirectDomains", "Redirect domains", "claude.ai"],
] as const;

/** A list field's messages: zod reports each entry under its index (allowed_client_urls.2). */
function errorsOf(state: ActionState, name: string): string[] | undefined {
  const messages = Object.entries(state.fields ?? {})
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .flatMap(([, list]) => list);
  return messages.length ? messages : undefined;
}

export function GovernanceForm({ governance }: { governance: Governance }) {
  const [state, action, pending] = useActionState(updateMcpGovernanceAction, IDLE);
  // Submitted by hand rather than through the form's action, which would reset every field: after a
  // refusal the owner corrects what they typed instead of typing it all again.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }
  return (
    <form
      onSubmit={submit}
      aria-label="MCP governance"
      className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <fieldset className="space-y-2">
        <legend className="font-semibold">Allowed</legend>
        {SWITCHES.map(([name, key, label, hint]) => (
          <label key={name} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name={name} defaultChecked={governance[key]} className="mt-0.5" />
            <span>
              <span className="font-medium">{label}</span> <span className="text-xs text-slate-500">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Field
        label="Longest lifetime of keys and tokens (days)"
        name="max_lifetime_days"
        errors={errorsOf(state, "max_lifetime_days")}
        hint="Empty: no cap. New keys must expire within it, personal tokens and OAuth connections end at it."
      >
        <input
          id="max_lifetime_days"
          name="max_lifetime_days"
          type="number"
          min={1}
          defaultValue={governance.maxCredentialLifetimeDays ?? ""}
          className={INPUT_CLASS}
        />
      </Field>
      <fieldset className="space-y-3">
        <legend className="font-semibold">OAuth client allow-list</legend>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="client_allow_list_enabled"
            defaultChecked={governance.clientAllowListEnabled}
            className="mt-0.5"
          />
          <span>
            <span className="font-medium">Only allow the clients below</span>{" "}
            <span className="text-xs text-slate-500">
              A client matches by its metadata URL, its name, or when every redirect is within a listed domain. Others
              get a page to request access.
            </span>
          </span>
        </label>
        <div className="grid gap-3 md:grid-cols-3">
          {LISTS.map(([name, key, label, example]) => (
            <Field key={name} label={label} name={name} errors={errorsOf(state, name)} hint="One per line.">
              <textarea
                id={name}
                name={name}
                rows={4}
                defaultValue={governance[key].join("\n")}
                placeholder={example}
                className={INPUT_CLASS}
              />
            </Field>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>
        Save governance
      </Button>
      <FormMessage
        state={state}
        inline={Object.keys(state.fields ?? {}).filter((key) =>
          ["max_lifetime_days", ...LISTS.map(([name]) => name)].some(
            (name) => key === name || key.startsWith(`${name}.`),
          ),
        )}
      />
    </form>
  );
}

type AccessRequest = {
  id: string;
  kind: "client" | "consent";
  status: "pending" | "approved" | "denied";
  client: string;
  client_id: string;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
};

export function AccessRequests({ requests }: { requests: AccessRequest[] }) {
  return (
    <section
      aria-label="Access requests"
      className="space-y-2 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200"
    >
      <h2 className="font-semibold">Access requests</h2>
      {requests.length === 0 ? (
        <p className="text-slate-500">No one has asked for access.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {requests.map((r) => (
            <AccessRequestRow key={r.id} request={r} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AccessRequestRow({ request }: { request: AccessRequest }) {
  const [state, action, pending] = useActionState(decideAccessRequestAction, IDLE);
  const what = request.kind === "client" ? `allow the app ${request.client}` : `let them connect ${request.client}`;
  return (
    <li className="flex flex-wrap items-center gap-2 py-2" data-testid="access-request">
      <span className="flex-1">
        <strong>{request.requested_by}</strong> asks to {what}{" "}
        <span className="text-xs text-slate-500">({request.client_id})</span>
      </span>
      {request.status === "pending" ? (
        <form action={action} className="flex gap-2">
          <input type="hidden" name="id" value={request.id} />
          <Button type="submit" name="decision" value="approve" disabled={pending}>
            Approve
          </Button>
          <button
            type="submit"
            name="decision"
            value="deny"
            disabled={pending}
            className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300"
          >
            Deny
          </button>
        </form>
      ) : (
        <span className="capitalize text-slate-600">
          {request.status}
          {request.decided_by ? ` by ${request.decided_by}` : ""}
        </span>
      )}
      <FormMessage state={state} />
    </li>
  );
}
