#!/usr/bin/env bash
# Installs revcycle from packed tarballs into an application folder, as a vendor installs it from the registry:
#   scripts/install-packed.sh <tarball-dir> <app-dir> [package…]
# It installs every packed package but the testkit (a test-time tool; it would bring vitest along): the server (the
# `revcycle` CLI), core, x12 and the plugins. Extra packages the app needs follow, from the registry (`express@^5`)
# or as tarball paths (the testkit's, for a plugin author's project). The Dockerfile and CI both call this file,
# so the image runs what CI proved.
set -euo pipefail
tarballs="$(cd "$1" && pwd)"
app="$2"
shift 2
mkdir -p "$app"
cd "$app"
[ -f package.json ] || printf '{\n  "name": "revcycle-app",\n  "private": true,\n  "type": "module"\n}\n' > package.json
# Every tarball is named, so each @revcycle dependency resolves to its tarball, never to the registry.
packages=()
for tarball in "$tarballs"/revcycle-*.tgz; do
  case "$(basename "$tarball")" in revcycle-testkit-*) ;; *) packages+=("$tarball") ;; esac
done
npm install --no-audit --no-fund --loglevel=error --omit=dev "${packages[@]}" "$@"
