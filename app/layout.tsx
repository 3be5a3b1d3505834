import type { Metadata } from "next";
import { THEME_SCRIPT } from "@/components/theme/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Deskbridge", template: "%s · Deskbridge" },
  description: "The helpdesk your AI clients can work in, under your permissions.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The theme script sets the class on <html> before hydration, so React is told not to mind it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
