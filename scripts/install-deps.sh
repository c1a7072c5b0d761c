#!/bin/sh
# Install the Debian packages placecheck needs to build and test, skipping
# those already installed.  Used by the README's set-up command and by
# .ci/run, so that both install the same list.  Needs root (uses sudo when
# run by another user).
set -eu
PKGS="build-essential pkg-config clang libclang-rt-dev
      libsqlite3-dev sqlite3 libcsv-dev libutf8proc-dev libarchive-dev zlib1g-dev
      libedit-dev libinih-dev libcjson-dev
      wamerican wbritish wamerican-large wbritish-large iso-codes unicode-cldr-core parallel python3 python3-yaml git valgrind zsh
      libmicrohttpd-dev curl chromium chromium-driver python3-jsonschema"
missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing:$missing"
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $missing >/dev/null
