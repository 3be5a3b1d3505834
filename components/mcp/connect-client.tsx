"use client";

import { useState } from "react";
import { clientSetups, type SetupMode } from "@/lib/mcp/client-setup";
import { CopyButton } from "@/components/mcp/copy-button";

/** "Connect a client": copyable setup per client, for a token or OAuth. */
export function ConnectClient({ url, token }: { url: string; token?: string }) {
  const [mode, setMode] = useState<SetupMode>("token");
  const setups = clientSetups(url, mode, token);
  const [active, setActive] = useState(setups[0]!.id);
  const setup = setups.find((s) => s.id === active) ?? setups[0]!;
  return (
    <section
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      aria-label="Connect a client"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">Connect a client</h2>
        <div role="radiogroup" aria-label="Authentication" className="flex rounded-md ring-1 ring-slate-300">
          {(["token", "oauth"] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              onClick={() => setMode(m)}
              className={`px-3 py-1 text-sm ${mode === m ? "bg-indigo-600 text-white" : "text-slate-700"}`}
            >
              {m === "token" ? "API key / token" : "OAuth"}
            </button>
          ))}
        </div>
      </div>
      <div role="tablist" className="flex flex-wrap gap-1 border-b border-slate-200">
        {setups.map((s) => (
          <button
            key={s.id}
            role="tab"
            type="button"
            aria-selected={s.id === setup.id}
            onClick={() => setActive(s.id)}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${s.id === setup.id ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600"}`}
          >
            {s.label}
          </button>
        ))}
      </div>
      <div className="relative">
        <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" data-testid="client-setup">
          {setup.code}
        </pre>
        <div className="absolute right-2 top-2">
          <CopyButton text={setup.code} />
        </div>
      </div>
      <p className="text-xs text-slate-500">{setup.hint}</p>
    </section>
  );
}
