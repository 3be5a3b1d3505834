import type { ReactNode } from "react";

/** The centred card the signed-out account pages share (sign-in, forgot and reset password, two-factor set-up). */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <div>
          <p className="text-lg font-semibold text-indigo-700">Deskbridge</p>
          <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
        </div>
        {children}
      </div>
    </main>
  );
}
