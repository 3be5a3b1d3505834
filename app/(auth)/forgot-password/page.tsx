import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/account/auth-card";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Reset your password">
      <p className="text-sm text-slate-600">Enter your account&apos;s email and we will mail you a link.</p>
      <ForgotPasswordForm />
      <p className="text-center text-sm">
        <Link href="/login" className="text-indigo-700 hover:underline">
          Back to sign-in
        </Link>
      </p>
    </AuthCard>
  );
}
