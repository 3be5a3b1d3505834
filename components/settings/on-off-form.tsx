"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE, type ActionState } from "@/lib/action-state";

type SettingAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A card of workspace settings that only owners save: the fields under a
 * legend, disabled for everyone else, a Save button and the outcome line.
 */
export function OwnerSettingsForm({
  action,
  legend,
  canEdit,
  testId,
  children,
}: {
  action: SettingAction;
  legend: string;
  canEdit: boolean;
  testId: string;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      data-testid={testId}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <fieldset disabled={!canEdit} className="space-y-1 text-sm">
        <legend className="font-semibold">{legend}</legend>
        {children}
      </fieldset>
      {canEdit ? (
        <Button type="submit" disabled={pending}>
          Save
        </Button>
      ) : (
        <p className="text-xs text-slate-500">Only owners change this.</p>
      )}
      <FormMessage state={state} />
    </form>
  );
}

/** One workspace setting that is on or off, with what it does; `extra` holds fields that go with it. */
export function OnOffForm({
  action,
  name,
  legend,
  enabled,
  canEdit,
  testId,
  extra,
  children,
}: {
  action: SettingAction;
  name: string;
  legend: string;
  enabled: boolean;
  canEdit: boolean;
  testId: string;
  extra?: ReactNode;
  /** What the setting does, in a sentence or two. */
  children: ReactNode;
}) {
  return (
    <OwnerSettingsForm action={action} legend={legend} canEdit={canEdit} testId={testId}>
      <p className="text-slate-600">{children}</p>
      <label className="flex items-center gap-2">
        <input type="radio" name={name} value="on" defaultChecked={enabled} /> On
      </label>
      <label className="flex items-center gap-2">
        <input type="radio" name={name} value="off" defaultChecked={!enabled} /> Off
      </label>
      {extra}
    </OwnerSettingsForm>
  );
}

/**
 * One of several switches in an `OwnerSettingsForm`, as a checkbox: a hidden
 * "off" goes first so an unticked box still sends its name (the action reads the last value).
 */
export function OnOffSwitch({
  name,
  label,
  enabled,
  children,
}: {
  name: string;
  label: string;
  enabled: boolean;
  /** What the switch does. */
  children: ReactNode;
}) {
  return (
    <>
      <input type="hidden" name={name} value="off" />
      <label className="flex items-start gap-2 py-1">
        <input type="checkbox" name={name} value="on" defaultChecked={enabled} className="mt-1" />
        <span>
          <span className="font-medium">{label}</span>
          <span className="block text-slate-600">{children}</span>
        </span>
      </label>
    </>
  );
}
