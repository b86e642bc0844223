#!/usr/bin/env bash
# Proves what a vendor and a plugin author get from the registry: builds and packs every package, installs the
# tarballs outside the repository (scripts/install-packed.sh, the same step the Dockerfile runs), then with plain
# node and no TypeScript loader:
#   - a JavaScript ESM app and a TypeScript app (tsc, nodenext, strict) each migrate a fresh SQLite and a fresh
#     PostgreSQL database, create an organization through the operator API, sign a token and answer a query and a
#     mutation through Express;
#   - the packed CLI migrates, creates an organization and refuses to serve without a secret;
#   - a statement-renderer plugin passes its contract suite from the packed testkit.
# PostgreSQL at PACKED_SMOKE_POSTGRES (default postgresql://postgres@127.0.0.1:5432); its databases are dropped after.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pg="${PACKED_SMOKE_POSTGRES:-postgresql://postgres@127.0.0.1:5432}"
work="$(mktemp -d "${TMPDIR:-/tmp}/revcycle-packed-XXXXXX")"
databases=()
cleanup() {
  for db in "${databases[@]}"; do psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
step() { printf '\n--- %s\n' "$*"; }
fresh_postgres() {
  local name="revcycle_packed_$1_$$"
  psql "$pg/postgres" -qc "CREATE DATABASE \"$name\"" >/dev/null
  databases+=("$name")
  printf '%s/%s' "$pg" "$name"
}

step "build and pack"
(cd "$root" && npm run build --silent >/dev/null && node scripts/pack-packages.mjs "$work/tarballs")

step "install the tarballs into a project outside the repository"
# One install serves the three projects below (each a folder of its own, resolving packages from the parent's
# node_modules as any nested project does); it saves two builds of better-sqlite3 per run.
"$root/scripts/install-packed.sh" "$work/tarballs" "$work/vendor" \
  "$work/tarballs"/revcycle-testkit-*.tgz express@^5 typescript@~5.9.3 @types/node@^20 @types/express@^5 vitest@^4.1.0 >/dev/null
cp -r "$root/scripts/packed-smoke/js-app" "$root/scripts/packed-smoke/ts-app" "$root/scripts/packed-smoke/plugin" "$work/vendor/"
for app in js-app ts-app plugin; do
  [ -f "$work/vendor/$app/package.json" ] || printf '{ "name": "%s", "private": true, "type": "module" }\n' "$app" > "$work/vendor/$app/package.json"
done
cd "$work/vendor"

step "JavaScript app: SQLite, then PostgreSQL"
node js-app/main.mjs "file:$work/js.db"
node js-app/main.mjs "$(fresh_postgres js)"

step "TypeScript app: tsc (nodenext, strict), then plain node on SQLite and PostgreSQL"
node_modules/.bin/tsc -p ts-app
# skipLibCheck as `tsc --init` sets it: graphql-yoga's own declarations need newer libs (URLPattern, DisposableStack).
# Ours must check clean without it.
if node_modules/.bin/tsc -p ts-app --noEmit --skipLibCheck false 2>&1 | grep 'node_modules/@revcycle/'; then
  echo "our published declarations have type errors (above)" >&2
  exit 1
fi
node ts-app/dist/main.js "file:$work/ts.db"
node ts-app/dist/main.js "$(fresh_postgres ts)"

step "the packed CLI"
export DATABASE_URL="file:$work/cli.db"
node_modules/.bin/revcycle migrate
node_modules/.bin/revcycle org create --name "CLI Billing"
if REVCYCLE_JWT_SECRET= REVCYCLE_JWKS_URL= node_modules/.bin/revcycle serve 2>"$work/serve.err"; then
  echo "serve started without a secret" >&2
  exit 1
fi
grep -q 'REVCYCLE_JWT_SECRET' "$work/serve.err"
cat "$work/serve.err"
unset DATABASE_URL

step "a plugin outside the repository passes its contract suite from the packed testkit"
(cd plugin && ../node_modules/.bin/vitest run)

step "packed packages work outside the repository"
