import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Deskbridge", template: "%s · Deskbridge" },
  description: "The helpdesk your AI clients can work in, under your permissions.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
