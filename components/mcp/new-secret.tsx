import type { ReactNode } from "react";
import { CopyButton } from "@/components/mcp/copy-button";

/** A freshly created secret, shown this once with a copy button; only its hash is kept. */
export function NewSecret({ label, secret, children }: { label: string; secret: string; children: ReactNode }) {
  return (
    <div role="status" aria-label={label} className="space-y-2 rounded-lg bg-emerald-50 p-4 ring-1 ring-emerald-200">
      <p className="text-sm font-medium text-emerald-900">{children}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          className="min-w-0 break-all rounded bg-white px-2 py-1 text-sm ring-1 ring-emerald-200"
          data-testid="new-secret"
        >
          {secret}
        </code>
        <CopyButton text={secret} />
      </div>
    </div>
  );
}
