# syntax=docker/dockerfile:1
# RusToK server image: `rustok start` (all roles by default; pass `--roles api` etc. as arguments).
#   docker build -t rustok .
#   docker run -p 3000:3000 -v rustok-data:/app/data rustok                  # embedded database
#   docker run -e DATABASE_URL=postgres://… rustok start --roles api         # one role of a split deployment
# See docs/operations.md and compose.yaml.

# Both stages use the same Debian base, so the native packages installed in the build stage
# (sharp's libvips, @node-rs/argon2) are the right binaries for the runtime stage.
ARG NODE_VERSION=20-bookworm-slim

FROM node:${NODE_VERSION} AS build
WORKDIR /app
ENV npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
# Manifests first, so the dependency layer is reused while only sources change.
COPY package.json package-lock.json .npmrc ./
COPY packages/api/package.json packages/api/
COPY packages/auth/package.json packages/auth/
COPY packages/db/package.json packages/db/
COPY packages/events/package.json packages/events/
COPY packages/kernel/package.json packages/kernel/
COPY packages/mail/package.json packages/mail/
COPY packages/mcp/package.json packages/mcp/
COPY packages/outbound/package.json packages/outbound/
COPY packages/sandbox/package.json packages/sandbox/
COPY packages/storage/package.json packages/storage/
COPY packages/tenancy/package.json packages/tenancy/
COPY packages/testing/package.json packages/testing/
COPY modules/blog/package.json modules/blog/
COPY modules/commerce/package.json modules/commerce/
COPY modules/content/package.json modules/content/
COPY modules/flex/package.json modules/flex/
COPY modules/forum/package.json modules/forum/
COPY modules/index/package.json modules/index/
COPY modules/media/package.json modules/media/
COPY modules/notifications/package.json modules/notifications/
COPY modules/pages/package.json modules/pages/
COPY modules/scripting/package.json modules/scripting/
COPY apps/admin/package.json apps/admin/
COPY apps/server/package.json apps/server/
COPY apps/storefront/package.json apps/storefront/
RUN npm ci
COPY . .
# The module list, every package's dist/, the admin app (apps/admin/dist) and the storefront's
# island bundles (apps/storefront/dist/assets).
RUN npm run build
# Production dependencies only, then nothing of the workspaces but what runs: each package's
# package.json (its exports point at dist/), dist/ and its own node_modules, if any.
RUN npm prune --omit=dev \
  && find packages modules apps -mindepth 2 -maxdepth 2 \
       ! -name dist ! -name package.json ! -name node_modules -exec rm -rf {} + \
  && find packages modules apps -path '*/dist/*' \( -name '*.map' -o -name '*.d.ts' -o -name '*.tsbuildinfo' \) -delete \
  && rm -rf packages/testing node_modules/@rustok/testing

FROM node:${NODE_VERSION} AS runtime
ENV NODE_ENV=production RUSTOK_ENV=production PORT=3000
# The server's launch settings (apps/server/package.json, rustok.launch; docs/operations.md, "Memory"):
# this variable, and the node flags of the ENTRYPOINT.
ENV MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
# The server finds its project root (config/, modules.toml, data/) from the working directory.
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /app/modules.toml ./modules.toml
COPY --from=build --chown=root:root /app/config ./config
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/packages ./packages
COPY --from=build --chown=root:root /app/modules ./modules
COPY --from=build --chown=root:root /app/apps ./apps
# The code is root's and read-only to the server; only the data directory (embedded database,
# local media files) is writable: mount a volume there.
RUN mkdir -p /app/data/media && chown -R node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "--v8-pool-size=1", "apps/server/dist/cli/main.js"]
CMD ["start"]
