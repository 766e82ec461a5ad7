import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = { title: { default: "Esketamine Session Tracker", template: "%s · Esketamine Session Tracker" } };
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: proxy.ts gives each one a fresh CSP nonce, which Next puts on its scripts only
  // when it renders the page; a page prerendered at build time would carry no nonce and its scripts would be blocked.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans text-base">{children}</body>
    </html>
  );
}
