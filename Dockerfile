# syntax=docker/dockerfile:1
# revcycle serve, built from this repository the way a vendor installs it: the packages are built and packed as
# they are published, then installed from the tarballs by scripts/install-packed.sh — the same script CI runs
# against the same tarballs (scripts/packed-smoke.sh), so what CI proves is what this image runs.
#   docker build -t revcycle .
#   docker run -e REVCYCLE_JWT_SECRET=… -e DATABASE_URL=postgresql://… -p 4000:4000 revcycle
ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Build and pack every package (needs the toolchain better-sqlite3 compiles with when no prebuilt binary fits).
FROM ${NODE_IMAGE} AS pack
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund && npm run build && node scripts/pack-packages.mjs /tarballs

# 2. Install the tarballs into a fresh application folder, as a vendor would.
FROM ${NODE_IMAGE} AS install
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY --from=pack /tarballs /tarballs
COPY scripts/install-packed.sh /usr/local/bin/install-packed
RUN install-packed /tarballs /app && mkdir -p /app/data

# 3. The runtime: no compiler, no sources, not root.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY --from=install --chown=node:node /app /app
USER node
# The embedded SQLite default keeps its file here; production sets DATABASE_URL to PostgreSQL.
VOLUME /app/data
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["node_modules/.bin/revcycle"]
CMD ["serve"]
