"use client";

import { useRef } from "react";

export function WorkspaceSwitcher({
  current,
  workspaces,
  action,
}: {
  current: string;
  workspaces: { slug: string; name: string }[];
  action: (form: FormData) => Promise<void>;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  if (workspaces.length < 2) return <span className="font-medium">{workspaces[0]?.name}</span>;
  return (
    <form action={action} ref={formRef}>
      <label className="sr-only" htmlFor="workspace">
        Workspace
      </label>
      <select
        id="workspace"
        name="workspace"
        defaultValue={current}
        onChange={() => formRef.current?.requestSubmit()}
        className="rounded-md border-0 py-1 pl-2 pr-7 text-sm font-medium ring-1 ring-slate-300"
      >
        {workspaces.map((w) => (
          <option key={w.slug} value={w.slug}>
            {w.name}
          </option>
        ))}
      </select>
    </form>
  );
}
