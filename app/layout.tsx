// Root layout: dark, dense, readable for a long shift. System fonts only (nothing is downloaded).
import type { Metadata, Viewport } from "next";
import "./globals.css";

// Every page is rendered per request, so Next can put the request's CSP nonce on its scripts.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Watchfloor",
  description: "Real-time collaborative analyst dashboard",
};

export const viewport: Viewport = { colorScheme: "dark", themeColor: "#0f1419" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
