#!/usr/bin/env bash
# Installs revcycle from packed tarballs into an application folder, as a vendor installs it from the registry:
#   scripts/install-packed.sh <tarball-dir> <app-dir> [package…]
# Without package names it installs the server (the `revcycle` CLI) with every plugin it serves with. The
# Dockerfile and CI both call this file, so the image runs what CI proved. Extra registry packages the app needs
# (express, typescript, …) are named after the tarball directory's packages, e.g. `express@^5`.
set -euo pipefail
tarballs="$(cd "$1" && pwd)"
app="$2"
shift 2
mkdir -p "$app"
cd "$app"
[ -f package.json ] || printf '{\n  "name": "revcycle-app",\n  "private": true,\n  "type": "module"\n}\n' > package.json
# Every tarball is named, so each @revcycle dependency resolves to its tarball, never to the registry.
npm install --no-audit --no-fund --omit=dev "$tarballs"/revcycle-*.tgz "$@"
