import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { listTimeZones } from "@/lib/dates/format";
import { getDatePreferences } from "@/lib/services/users/date-preferences";
import { AvatarForm, DatePreferencesForm, NameForm } from "./page-client";

export const metadata: Metadata = { title: "Profile" };

/** Locales offered in the picker; any other valid tag can still be saved through the schema. */
const LOCALES = [
  { value: "en-GB", label: "English (United Kingdom)" },
  { value: "en-US", label: "English (United States)" },
  { value: "de-DE", label: "Deutsch" },
  { value: "es-ES", label: "Español" },
  { value: "fr-FR", label: "Français" },
  { value: "it-IT", label: "Italiano" },
  { value: "nl-NL", label: "Nederlands" },
  { value: "pl-PL", label: "Polski" },
  { value: "pt-BR", label: "Português (Brasil)" },
  { value: "sv-SE", label: "Svenska" },
  { value: "ja-JP", label: "日本語" },
];

export default async function ProfilePage() {
  const { ctx, user } = await requireWorkspaceSession("agent", "/profile");
  const preferences = await getDatePreferences(ctx);
  const locales =
    preferences.locale && !LOCALES.some((l) => l.value === preferences.locale)
      ? [...LOCALES, { value: preferences.locale, label: preferences.locale }]
      : LOCALES;
  return (
    <div className="max-w-xl space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Profile</h1>
        <p className="mt-1 text-sm text-slate-600">
          {user.name} · {user.email}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          Also:{" "}
          <Link href="/profile/mcp" className="text-indigo-700 hover:underline">
            MCP Integration
          </Link>{" "}
          ·{" "}
          <Link href="/profile/notifications" className="text-indigo-700 hover:underline">
            Notification preferences
          </Link>{" "}
          ·{" "}
          <Link href="/profile/security" className="text-indigo-700 hover:underline">
            Security (password, two-factor, sessions)
          </Link>
        </p>
      </div>
      <NameForm name={user.name} />
      <AvatarForm name={user.name} url={user.avatarUrl} />
      <DatePreferencesForm
        timeZone={preferences.time_zone}
        locale={preferences.locale}
        timeZones={listTimeZones()}
        locales={locales}
      />
    </div>
  );
}
