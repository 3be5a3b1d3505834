import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/(app)/app-shell";
import { describeScope, FAMILY_SCOPES, UMBRELLA_SCOPES } from "@/lib/auth/scopes";
import { getWorkspaceSession } from "@/lib/auth/session";
import { CONFIRMATION_TTL_SECONDS, mayAskConfirmation } from "@/lib/mcp/confirmation";
import { BUILT_IN_PROMPTS } from "@/lib/mcp/prompts";
import { RESOURCE_TEMPLATES } from "@/lib/mcp/resources";
import { TOOLS } from "@/lib/mcp/tools";
import { DEFAULT_TOOL_NAMES, TOOLSETS } from "@/lib/mcp/toolsets";
import { mcpUrl } from "@/lib/mcp/urls";
import { toolParameters } from "./parameters";
import { WEBHOOK_RECEIVER } from "@/examples/webhook-receiver";

export const metadata: Metadata = { title: "MCP tools and scopes" };

export const dynamic = "force-dynamic";

/**
 * The tool and scope reference, generated from the registry: readable signed out, and inside the
 * app's navigation for someone signed in.
 */
export default async function McpDocsPage() {
  const session = await getWorkspaceSession();
  if (session) {
    return (
      <AppShell session={session}>
        <div className="mx-auto max-w-5xl space-y-8">
          <McpDocs />
        </div>
      </AppShell>
    );
  }
  return (
    <main className="mx-auto max-w-5xl space-y-8 px-4 py-8">
      <nav aria-label="Site" className="flex items-center justify-between text-sm">
        <Link href="/" className="font-semibold text-indigo-700">
          Deskbridge
        </Link>
        <Link href="/login" className="text-indigo-700 hover:underline">
          Sign in
        </Link>
      </nav>
      <McpDocs />
    </main>
  );
}

/** How destructive calls confirm on each revision; the tools that may ask come from the registry. */
function ConfirmationDocs() {
  return (
    <section className="space-y-2 text-sm text-slate-700" data-testid="confirmation-docs">
      <h2 className="text-lg font-semibold">Confirming destructive actions</h2>
      <p>
        When an owner turns on <em>Confirm destructive MCP actions</em> (Settings → Workspace), or a key or an app
        connection was created with it, deletes and bulk changes over the workspace&apos;s threshold (10 tickets by
        default) wait for the person at the client to confirm. The endpoint keeps no session, so the server stores
        nothing about a pending confirmation:
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <strong>2026-07-28</strong>: a client that declares the <code>elicitation</code> capability gets{" "}
          <code>resultType: &quot;input_required&quot;</code> with a form elicitation (<code>confirm</code>, a boolean)
          and a <code>requestState</code>; it asks its user and sends the same call again with the answer in{" "}
          <code>inputResponses</code> and the state echoed. A declined answer ends in <code>confirmation_declined</code>{" "}
          and changes nothing.
        </li>
        <li>
          <strong>2025-11-25 and 2025-06-18</strong> (and a 2026-07-28 client without elicitation): a mid-call
          elicitation would need the server to hold the call open on a session, which this stateless endpoint does not
          do. The call is refused with <code>confirmation_required</code> and a <code>confirm_token</code>; once the
          person agrees, call the tool again with the same arguments plus{" "}
          <code>confirm: &quot;&lt;token&gt;&quot;</code>.
        </li>
      </ul>
      <p>
        A token is an HMAC over the workspace, the credential, the tool and its exact arguments, good for{" "}
        {CONFIRMATION_TTL_SECONDS / 60} minutes: it confirms that one call and is refused on any other. Keys minted
        through MCP by a confirming credential confirm too. Tools that may ask:{" "}
        {TOOLS.filter(mayAskConfirmation)
          .map((tool) => tool.name)
          .join(", ")}
        .
      </p>
    </section>
  );
}

function McpDocs() {
  return (
    <>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">MCP server: tools and scopes</h1>
        <p className="text-sm text-slate-600">
          Server URL <code>{mcpUrl()}</code> · Streamable HTTP · <code>Authorization: Bearer …</code> with a workspace
          API key, a personal token or an OAuth access token. A call needs the tool&apos;s scopes and a role that allows
          it; <code>mcp:read</code> and <code>mcp:write</code> cover every family&apos;s read and write scopes.
        </p>
      </header>

      <section className="space-y-2 text-sm text-slate-700">
        <h2 className="text-lg font-semibold">Tool surfaces</h2>
        <p>
          Without a choice a client lists the {DEFAULT_TOOL_NAMES.length} daily tools ({DEFAULT_TOOL_NAMES.join(", ")});
          every other tool its credential allows stays callable by name. Choose toolsets with{" "}
          <code>?toolsets=tickets,knowledge</code> or an <code>X-MCP-Toolsets</code> header (<code>all</code> lists
          everything), and read-only mode with <code>{mcpUrl()}/readonly</code> or <code>X-MCP-Readonly: true</code>.
        </p>
        <ul className="grid gap-1 sm:grid-cols-2" data-testid="toolsets">
          {[...TOOLSETS].map(([name, tools]) => (
            <li key={name}>
              <code>{name}</code>: {tools.map((tool) => tool.name).join(", ")}
            </li>
          ))}
        </ul>
      </section>

      <ConfirmationDocs />

      <section className="space-y-2 text-sm text-slate-700" data-testid="resources-prompts">
        <h2 className="text-lg font-semibold">Resources, prompts and completions</h2>
        <p>
          Resources are read under the same scopes and role as the tools named beside them; <code>resources/list</code>{" "}
          pages through saved views, tickets, articles and contacts with a cursor, and <code>get_ticket</code>,{" "}
          <code>get_ticket_context</code> and <code>search_tickets</code> answer with <code>resource_link</code>s to the
          tickets they mention.
        </p>
        <ul className="space-y-1">
          {RESOURCE_TEMPLATES.map((template) => (
            <li key={template.uriTemplate}>
              <code>{template.uriTemplate}</code> — {template.description} (as <code>{template.tools.join(", ")}</code>)
            </li>
          ))}
        </ul>
        <p>
          Prompts are listed per credential like tools: one shows only when the credential may call every tool it reads
          with. Every shared macro is also a prompt, <code>macro_&lt;slug of its name&gt;</code> (<code>-2</code>,{" "}
          <code>-3</code>… when an older shared macro has the same slug), taking a <code>ticket</code>.
        </p>
        <ul className="space-y-1">
          {BUILT_IN_PROMPTS.map((prompt) => (
            <li key={prompt.name}>
              <code>{prompt.name}</code>({prompt.arguments.map((a) => `${a.name}${a.required ? "" : "?"}`).join(", ")})
              — {prompt.description} (reads with <code>{prompt.tools.join(", ")}</code>)
            </li>
          ))}
        </ul>
        <p>
          <code>completion/complete</code> offers values for prompt arguments and template variables, at most 100, from
          your workspace: ticket numbers by number prefix or subject words, tag, agent, team and macro names, and
          article slugs by title.
        </p>
      </section>

      <section>
        <h2 className="mb-2 text-lg font-semibold">Tools ({TOOLS.length})</h2>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-sm" data-testid="tool-reference">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-1 pr-3">Tool</th>
                <th className="py-1 pr-3">What it does</th>
                <th className="py-1 pr-3">Scopes</th>
                <th className="py-1 pr-3">Role</th>
                <th className="py-1 pr-3">Needs a user</th>
                <th className="py-1">Annotations</th>
              </tr>
            </thead>
            <tbody className="align-top">
              {TOOLS.map((tool) => [
                <tr key={tool.name} id={tool.name} className="border-t border-slate-200">
                  <td className="py-2 pr-3 font-mono text-xs">{tool.name}</td>
                  <td className="py-2 pr-3">
                    <span className="font-medium">{tool.title}.</span> {tool.description}
                  </td>
                  <td className="py-2 pr-3 font-mono text-xs">{tool.scopes.join(" ")}</td>
                  <td className="py-2 pr-3 capitalize">{tool.role}</td>
                  <td className="py-2 pr-3">{tool.needsUser ? "yes" : "no"}</td>
                  <td className="py-2 text-xs text-slate-600">
                    {Object.entries(tool.annotations)
                      .filter(([, on]) => on)
                      .map(([hint]) => hint.replace("Hint", ""))
                      .join(", ") || "—"}
                  </td>
                </tr>,
                <tr key={`${tool.name}:parameters`}>
                  <td />
                  <td colSpan={5} className="pb-3">
                    <ParameterTable tool={tool.name} input={tool.input} />
                  </td>
                </tr>,
              ])}
            </tbody>
          </table>
        </div>
      </section>

      <section>
        <h2 className="mb-2 text-lg font-semibold">Scopes</h2>
        <ul className="grid gap-1 text-sm md:grid-cols-2">
          {[...UMBRELLA_SCOPES, ...FAMILY_SCOPES].map((scope) => (
            <li key={scope}>
              <code className="text-xs">{scope}</code> — {describeScope(scope)}
            </li>
          ))}
        </ul>
      </section>

      <section className="space-y-1 text-sm text-slate-700">
        <h2 className="text-lg font-semibold">Errors</h2>
        <p>
          401 <code>unauthorized</code> for a missing header; 401 <code>invalid_token</code> for an unknown, revoked or
          expired token, each with <code>WWW-Authenticate: Bearer resource_metadata=…</code>. Tool refusals answer 200
          with <code>isError: true</code> and structured content naming <code>insufficient_scope</code>,{" "}
          <code>admin_required</code>, <code>user_required</code>, <code>not_found</code>, <code>validation_error</code>
          , <code>conflict</code>, <code>confirmation_required</code> (with the <code>confirm_token</code> to call again
          with) or <code>confirmation_declined</code>. An OAuth connection also sees the tools its person&apos;s role
          allows beyond its grant, marked in <code>_meta[&quot;deskbridge/step_up_scopes&quot;]</code>; calling one
          answers 403 <code>insufficient_scope</code> with <code>WWW-Authenticate: Bearer … scope=…</code> naming every
          scope to ask for, so the client authorizes again and retries.
        </p>
        <p data-family="status">
          Agent status (<code>status:read</code>, <code>status:write</code>): <code>get_my_status</code> and{" "}
          <code>set_my_status</code> act as the person behind the token (online, away or offline), and{" "}
          <code>list_agent_statuses</code> shows who is available. With round-robin on (
          <code>update_workspace_settings</code> <code>round_robin</code>), a ticket created in or transferred to a team
          with no assignee goes to the team&apos;s online member assigned least recently; with nobody online it stays
          unassigned.
        </p>
        <p>
          <code>bulk_update_tickets</code> answers once for the whole call: each ticket changes in its own transaction
          and carries its own result (<code>done</code>, <code>unchanged</code>, or <code>refused</code> with the error
          code), so one unknown ticket never stops the others. Changing tags in bulk also needs <code>tags:write</code>.
        </p>
        <p>
          CSAT (<code>csat:read</code>, <code>csat:write</code>): resolving a ticket issues the customer a rating link
          (good/bad or 1–5 with a comment, valid 14 days, changeable until then); <code>get_csat</code> shows a
          ticket&apos;s rating and its link while open, <code>list_csat_ratings</code> lists ratings by period, agent,
          team and score, <code>send_csat_request</code> issues a fresh link, and <code>get_support_metrics</code>{" "}
          counts CSAT per agent and team.
        </p>
        <p data-family="attachments">
          Attachments (<code>attachments:read</code>, <code>attachments:write</code>): <code>add_attachment</code> takes
          a file as base64 (up to 5 MB decoded, at most 10 files per message) and detects its type from the bytes;{" "}
          <code>get_attachment</code> answers the metadata with a <code>resource_link</code> to a signed download URL
          valid for an hour (and the text of text files up to 32 KB); <code>list_ticket_attachments</code> lists a
          ticket&apos;s files. Message listings name each message&apos;s files and <code>get_ticket</code> counts them.
        </p>
      </section>

      <section id="webhooks" className="space-y-2 text-sm text-slate-700">
        <h2 className="text-lg font-semibold">Webhooks</h2>
        <p>
          An admin adds endpoints in Settings → Webhooks or with <code>create_webhook</code> (
          <code>webhooks:write</code>). Each chosen event arrives as a POST with the JSON body{" "}
          <code>{"{ type, timestamp, data }"}</code> and the Standard Webhooks headers <code>webhook-id</code> (the
          event&apos;s id, the same on every retry: use it to drop duplicates), <code>webhook-timestamp</code> (Unix
          seconds) and <code>webhook-signature</code>: <code>v1,</code> and the base64 HMAC-SHA256 of{" "}
          <code>{"{id}.{timestamp}.{body}"}</code> under the base64 part of the <code>whsec_</code> secret. During a
          secret rotation&apos;s overlap the header carries two signatures, one per secret. Answer 2xx within 10 s;
          anything else is retried with exponential backoff, and an endpoint that fails again and again is turned off
          and the admins are emailed. Any Standard Webhooks library verifies these; this receiver needs nothing but
          Node:
        </p>
        <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100" data-testid="webhook-receiver">
          {WEBHOOK_RECEIVER}
        </pre>
      </section>
    </>
  );
}

/** A tool's arguments, under its row of the reference. */
function ParameterTable({ tool, input }: { tool: string; input: (typeof TOOLS)[number]["input"] }) {
  const parameters = toolParameters(input);
  if (parameters.length === 0) return <p className="text-xs text-slate-600">No parameters.</p>;
  return (
    <table className="w-full text-xs" data-testid="tool-parameters" data-tool={tool}>
      <caption className="sr-only">Parameters of {tool}</caption>
      <thead className="text-left text-slate-600">
        <tr>
          <th className="py-0.5 pr-3 font-medium">Parameter</th>
          <th className="py-0.5 pr-3 font-medium">Type</th>
          <th className="py-0.5 pr-3 font-medium">Required</th>
          <th className="py-0.5 font-medium">Description</th>
        </tr>
      </thead>
      <tbody>
        {parameters.map((p) => (
          <tr key={p.name} data-parameter={p.name}>
            <td className="py-0.5 pr-3 font-mono">{p.name}</td>
            <td className="py-0.5 pr-3 font-mono text-slate-700">{p.type}</td>
            <td className="py-0.5 pr-3">{p.required ? "required" : "optional"}</td>
            <td className="py-0.5 text-slate-700">{p.description || "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
