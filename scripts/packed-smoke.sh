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
# Created here, not in a subshell, so the cleanup knows them.
databases=("revcycle_packed_js_$$" "revcycle_packed_ts_$$")
cleanup() {
  for db in "${databases[@]}"; do psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
step() { printf '\n--- %s\n' "$*"; }
for db in "${databases[@]}"; do psql "$pg/postgres" -qc "CREATE DATABASE \"$db\"" >/dev/null; done

step "build and pack"
(cd "$root" && npm run build --silent >/dev/null && node scripts/pack-packages.mjs "$work/tarballs")

step "install the tarballs into three projects outside the repository (in parallel)"
# Each project installs on its own, as a vendor's app and a plugin author's package would.
install() { "$root/scripts/install-packed.sh" "$work/tarballs" "$work/$1" "${@:2}" >"$work/$1.install.log" 2>&1; }
for app in js-app ts-app plugin; do cp -r "$root/scripts/packed-smoke/$app" "$work/$app"; done
install js-app express@^5 & js=$!
install ts-app express@^5 typescript@~5.9.3 @types/node@^20 @types/express@^5 & ts=$!
install plugin "$work/tarballs"/revcycle-testkit-*.tgz vitest@^4.1.0 & plugin=$!
for pid in $js $ts $plugin; do
  if ! wait "$pid"; then cat "$work"/*.install.log >&2; exit 1; fi
done

step "JavaScript app: SQLite, then PostgreSQL"
cd "$work/js-app"
node main.mjs "file:$work/js.db"
node main.mjs "$pg/${databases[0]}"

step "TypeScript app: tsc (nodenext, strict), then plain node on SQLite and PostgreSQL"
cd "$work/ts-app"
node_modules/.bin/tsc -p .
# skipLibCheck as `tsc --init` sets it: graphql-yoga's own declarations need newer libs (URLPattern, DisposableStack).
# Ours must check clean without it.
if node_modules/.bin/tsc -p . --noEmit --skipLibCheck false 2>&1 | grep 'node_modules/@revcycle/'; then
  echo "our published declarations have type errors (above)" >&2
  exit 1
fi
node dist/main.js "file:$work/ts.db"
node dist/main.js "$pg/${databases[1]}"

step "the packed CLI"
cd "$work/js-app"
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
cd "$work/plugin" && node_modules/.bin/vitest run

step "packed packages work outside the repository"
