"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { createCompanyAction, updateCompanyAction } from "./actions";

/** Creates a company, or edits one when `company` is given; domains are typed comma-separated. */
export function CompanyForm({ company }: { company?: { id: string; name: string; domains: string[] } }) {
  const [state, action, pending] = useActionState(company ? updateCompanyAction : createCompanyAction, IDLE);
  return (
    <form
      action={action}
      aria-label={company ? "Edit company" : "New company"}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 className="font-semibold">{company ? "Edit company" : "New company"}</h2>
      {company ? <input type="hidden" name="company_id" value={company.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" name="name" errors={state.fields?.name}>
          <input id="name" name="name" defaultValue={company?.name} required className={INPUT_CLASS} />
        </Field>
        <Field
          label="Email domains"
          name="domains"
          errors={state.fields?.domains}
          hint="Comma-separated; contacts at these domains belong to the company."
        >
          <input
            id="domains"
            name="domains"
            defaultValue={company?.domains.join(", ")}
            placeholder="acme.com, acme.io"
            className={INPUT_CLASS}
          />
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {company ? "Save company" : "Create company"}
      </Button>
      <FormMessage state={state} inline={["name", "domains"]} />
    </form>
  );
}
