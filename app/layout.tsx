import type { Metadata } from "next";
import "./globals.css";

// Every page renders per request: proxy.ts puts a fresh CSP nonce on each response, and Next.js
// can only attach it to its scripts while rendering (a prerendered page's scripts would be blocked).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Hoptrace: email header analyzer",
  description: "Paste raw email headers and see every hop, its delay, TLS, relay type and SPF/DKIM/DMARC.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
