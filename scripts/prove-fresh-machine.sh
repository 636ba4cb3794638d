#!/usr/bin/env bash
# Proves the README's commands on a fresh machine: a debootstrapped Debian 12 minbase root (like a node:*-slim
# image) that holds only Node and npm copied from this host, a fresh clone of this checkout's HEAD, and then
# `npm install && npm test` (or `npm run demo`) as root from /root/posture. Needs root; the root is reused.
#
#   sudo bash scripts/prove-fresh-machine.sh [test|demo|prepare|shell]
#
# FRESH_ROOT (default /var/tmp/posture-fresh-root) says where the root lives; FRESH_ROOT_RESET=1 starts over.
set -euo pipefail

mode=${1:-test}
repo=$(cd "$(dirname "$0")/.." && pwd)
root=${FRESH_ROOT:-/var/tmp/posture-fresh-root}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if [ "$(id -u)" != 0 ]; then echo "prove-fresh-machine: run as root (it debootstraps and chroots)" >&2; exit 1; fi
case "$mode" in test|demo|prepare|shell) ;; *) echo "usage: $0 [test|demo|prepare|shell]" >&2; exit 2;; esac

mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
}
trap cleanup EXIT

if [ "${FRESH_ROOT_RESET:-0}" = 1 ] && [ -d "$root" ]; then
  echo "[fresh] removing $root"
  rm -rf --one-file-system "$root"
fi

if [ ! -x "$root/bin/bash" ]; then
  command -v debootstrap >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y debootstrap; }
  echo "[fresh] debootstrap --variant=minbase bookworm $root"
  debootstrap --variant=minbase bookworm "$root" "$mirror"
  # As in Debian's container images: packages never start services inside the root.
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
fi

# Only Node and npm, where a node:*-slim image has them; the host's trust store and npmrc carry its network setup.
node_bin=$(readlink -f "$(command -v node)")
npm_dir=$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd)
install -D -m 755 "$node_bin" "$root/usr/local/bin/node"
rm -rf "$root/usr/local/lib/node_modules/npm"
mkdir -p "$root/usr/local/lib/node_modules"
cp -a "$npm_dir" "$root/usr/local/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
# npm reads its global config from <prefix>/etc/npmrc, and the prefix in the root is /usr/local.
global_npmrc=$(npm config get globalconfig)
if [ -f "$global_npmrc" ]; then install -D -m 644 "$global_npmrc" "$root/usr/local/etc/npmrc"; fi
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then install -D -m 644 /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"; fi
cp -L /etc/resolv.conf "$root/etc/resolv.conf"

# A fresh clone of what is committed here, at the path a new user picks.
rm -rf "$root/root/posture"
git clone -q --no-hardlinks "$repo" "$root/root/posture"
git -C "$root/root/posture" log -1 --format='[fresh] clone at %h %s'

for m in proc sys dev dev/pts dev/shm; do mkdir -p "$root/$m"; done
mount -t proc proc "$root/proc" && mounted+=("$root/proc")
mount --rbind /sys "$root/sys" && mounted+=("$root/sys")
mount --bind /dev "$root/dev" && mounted+=("$root/dev")
mount --bind /dev/pts "$root/dev/pts" && mounted+=("$root/dev/pts")
mount -t tmpfs -o mode=1777 shm "$root/dev/shm" && mounted+=("$root/dev/shm")

in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root USER=root LANG=C.UTF-8 TERM=dumb CI="${CI:-true}" \
    PATH=/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin /bin/bash -c "$1"
}

echo "[fresh] in the root: $(in_root 'node --version; npm --version; command -v python3 || echo no python3' | tr '\n' ' ')"
case "$mode" in
  prepare) in_root 'cd /root/posture && npm install' ;;
  test) in_root 'cd /root/posture && npm install && npm test' ;;
  demo) in_root 'cd /root/posture && npm install && npm run demo' ;;
  shell) chroot "$root" /bin/bash ;;
esac
