import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/account/auth-card";
import { findPasswordReset } from "@/lib/services/account/find-password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const reset = token ? await findPasswordReset(token) : null;
  return (
    <AuthCard title="Choose a new password">
      {reset && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p role="alert" className="text-sm text-slate-700" data-testid="reset-link-spent">
          This reset link has expired or was already used.{" "}
          <Link href="/forgot-password" className="text-indigo-700 hover:underline">
            Ask for a new one
          </Link>
          .
        </p>
      )}
    </AuthCard>
  );
}
