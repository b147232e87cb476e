// Next.js renders the pages only; the HTTP API, auth and Socket.IO live in server/ (one process).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The build type-checks the pages and what they import; `npm run typecheck` checks the whole tree.
  typescript: { tsconfigPath: "tsconfig.build.json" },
};

export default nextConfig;
