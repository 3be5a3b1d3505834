"use client";

import { useActionState, useSyncExternalStore } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { removeAvatarAction, saveAvatarAction, saveDatePreferencesAction, saveNameAction } from "./actions";

const noop = () => () => {};
/** The browser's own zone and language, named in the "follow my browser" choices. */
function useBrowserDefaults() {
  return useSyncExternalStore(
    noop,
    () => `${Intl.DateTimeFormat().resolvedOptions().timeZone}|${navigator.language}`,
    () => "|",
  ).split("|") as [string, string];
}

export function DatePreferencesForm({
  timeZone,
  locale,
  timeZones,
  locales,
}: {
  timeZone: string | null;
  locale: string | null;
  timeZones: string[];
  locales: { value: string; label: string }[];
}) {
  const [state, action, pending] = useActionState(saveDatePreferencesAction, IDLE);
  const [browserZone, browserLocale] = useBrowserDefaults();
  return (
    <form
      action={action}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      aria-label="Dates and times"
    >
      <h2 className="text-sm font-semibold">Dates and times</h2>
      <p className="text-sm text-slate-600">Dates read like “5 min ago”; hover one for the exact time.</p>
      <Field
        label="Time zone"
        name="time_zone"
        errors={state.fields?.time_zone}
        hint={`Leave empty to follow your browser${browserZone ? ` (${browserZone})` : ""}.`}
      >
        <input
          id="time_zone"
          name="time_zone"
          list="time-zones"
          defaultValue={timeZone ?? ""}
          placeholder={browserZone ? `Browser: ${browserZone}` : "Follow my browser"}
          autoComplete="off"
          className={INPUT_CLASS}
        />
        <datalist id="time-zones">
          {timeZones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </Field>
      <Field label="Language for dates" name="locale" errors={state.fields?.locale}>
        <select id="locale" name="locale" defaultValue={locale ?? "browser"} className={INPUT_CLASS}>
          <option value="browser">Follow my browser{browserLocale ? ` (${browserLocale})` : ""}</option>
          {locales.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </select>
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          Save
        </Button>
        <FormMessage state={state} inline={["time_zone", "locale"]} />
      </div>
    </form>
  );
}

export function NameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState(saveNameAction, IDLE);
  return (
    <form
      action={action}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      noValidate
      data-testid="name-form"
    >
      <Field label="Name" name="name" errors={state.fields?.name}>
        <input id="name" name="name" defaultValue={name} autoComplete="name" className={INPUT_CLASS} />
      </Field>
      <FormMessage state={state} inline={["name"]} />
      <Button type="submit" disabled={pending}>
        Save name
      </Button>
    </form>
  );
}

export function AvatarForm({ name, url }: { name: string; url: string | null }) {
  const [state, action, pending] = useActionState(saveAvatarAction, IDLE);
  const [removed, remove, removing] = useActionState(removeAvatarAction, IDLE);
  return (
    <form
      action={action}
      className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid="avatar-form"
    >
      <Avatar name={name} url={url} size={48} />
      <div className="min-w-0 flex-1">
        <Field
          label="Profile picture"
          name="avatar"
          errors={state.fields?.avatar}
          hint="PNG, JPEG, WebP or GIF, up to 1 MB."
        >
          <input
            id="avatar"
            name="avatar"
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif"
            className="text-sm"
          />
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        Upload
      </Button>
      {url ? (
        <Button type="submit" variant="secondary" formAction={remove} disabled={removing}>
          Remove picture
        </Button>
      ) : null}
      <div className="w-full">
        <FormMessage state={state} inline={["avatar"]} />
        <FormMessage state={removed} />
      </div>
    </form>
  );
}
