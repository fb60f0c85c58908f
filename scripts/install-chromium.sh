#!/usr/bin/env bash
# Make sure a Chromium binary is on this machine, for the browser tests (tests/browser).
#
#   scripts/install-chromium.sh
#
# Prints the binary's path and exits 0 when Chromium is there (now or after installing).
#
# - /usr/bin/chromium or a `chromium` on the PATH: nothing is installed.
# - Otherwise, as root, the Debian package `chromium` is installed with apt-get (first
#   without `apt-get update`, then with it). Not root, no apt-get, or the install failed:
#   the reason is printed on stderr and the exit status is 1 (the browser tests then skip,
#   saying why).
# - Never `playwright install`: it downloads a browser build, which fails offline; the
#   tests launch the Debian binary through Playwright's executable_path.
set -uo pipefail

say() { echo "install-chromium: $*" >&2; }

find_chromium() {
    if [ -x /usr/bin/chromium ]; then
        echo /usr/bin/chromium
        return 0
    fi
    command -v chromium 2>/dev/null
}

if BINARY=$(find_chromium) && [ -n "$BINARY" ]; then
    echo "$BINARY"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    say "no chromium binary and not root to install it"
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    say "no chromium binary and no apt-get to install it"
    exit 1
fi

say "installing the Debian package chromium"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q chromium >/dev/null 2>&1; then
    apt-get update -q >/dev/null 2>&1
    if ! apt-get install -y -q chromium >/dev/null 2>&1; then
        say "apt-get install chromium failed"
        exit 1
    fi
fi

if BINARY=$(find_chromium) && [ -n "$BINARY" ]; then
    echo "$BINARY"
    exit 0
fi
say "chromium installed but no chromium binary found"
exit 1
