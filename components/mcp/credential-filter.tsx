"use client";

import { INPUT_CLASS } from "@/components/ui/field";

export const CREDENTIAL_FILTERS = ["all", "active", "expired", "revoked"] as const;
export type CredentialFilterValue = (typeof CREDENTIAL_FILTERS)[number];

const LABELS: Record<CredentialFilterValue, string> = {
  all: "All",
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
};

/** Rows a filter keeps: all of them, or those of one status. */
export function filterCredentials<T extends { status: string }>(rows: T[], filter: CredentialFilterValue): T[] {
  return filter === "all" ? rows : rows.filter((r) => r.status === filter);
}

/** "Show: All (12) / Active (9) / Expired (1) / Revoked (2)". */
export function CredentialFilter({
  rows,
  value,
  onChange,
  id,
}: {
  rows: { status: string }[];
  value: CredentialFilterValue;
  onChange: (value: CredentialFilterValue) => void;
  id: string;
}) {
  return (
    <div className="flex items-center gap-2 text-sm text-slate-600">
      <label htmlFor={id}>Show</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as CredentialFilterValue)}
        className={`${INPUT_CLASS} w-auto`}
      >
        {CREDENTIAL_FILTERS.map((f) => (
          <option key={f} value={f}>
            {LABELS[f]} ({filterCredentials(rows, f).length})
          </option>
        ))}
      </select>
    </div>
  );
}
