# Watchfloor's production image: the install of docs/deploy.md ("A production install"), in two stages
# so that what runs carries the built pages and the runtime dependencies but not the build and test
# tools. It has not been built here (no registry for base images on the machine it was written on);
# .ci/production-install runs the same commands on a clean clone instead.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
# The first three of the four commands. `npm prune` keeps a few dev packages that runtime ones name as
# optional peers (TypeScript for Prisma, Vitest for better-auth); they are not loaded at run time.
RUN npm ci && npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
# Liveness (the process answers), not readiness (/api/health, 503 while the database is away): an
# orchestrator that restarts unhealthy containers must not restart every replica during an outage.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The fourth command, `npm start`, as the script it runs: npm exits on SIGTERM without passing it on,
# so `docker stop` would cut the server off instead of letting it finish its writes and close its
# sockets. With NODE_ENV=production it never builds: it refuses to start when the build is missing or
# was made from other sources.
CMD ["node", "scripts/start.js"]
