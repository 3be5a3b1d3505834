import type { Metadata } from "next";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getNotificationPreferences } from "@/lib/services/notifications/preferences";
import { NOTIFICATION_TYPE_LABELS, NOTIFICATION_TYPES } from "@/lib/validations/notifications";
import { PreferencesForm } from "./page-client";

export const metadata: Metadata = { title: "Notification preferences" };

export default async function NotificationPreferencesPage() {
  const { ctx, user } = await requireWorkspaceSession("agent", "/profile/notifications");
  const { email } = await getNotificationPreferences(ctx);
  return (
    <div className="max-w-xl space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Notification preferences</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every notification shows under the bell. Choose which also arrive by email at {user.email}.
        </p>
      </div>
      <PreferencesForm
        types={NOTIFICATION_TYPES.map((t) => ({ value: t, label: NOTIFICATION_TYPE_LABELS[t] }))}
        email={email}
      />
    </div>
  );
}
