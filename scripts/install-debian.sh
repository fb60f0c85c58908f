#!/usr/bin/env bash
# Make sure a command the tests need is on this machine, installing its Debian package if not.
#
#   scripts/install-debian.sh COMMAND PACKAGE     e.g.  chromium chromium  |  java default-jre-headless
#
# Prints the command's path and exits 0 when it is there (now or after installing).
#
# - COMMAND on the PATH: nothing is installed.
# - Otherwise, as root, PACKAGE is installed with apt-get (first without `apt-get update`,
#   then with it). Not root, no apt-get, or the install failed: the reason is printed on
#   stderr and the exit status is 1 (the tests that need it then skip, saying why).
# - Chromium is never fetched with `playwright install` (a download, which fails offline):
#   the browser tests launch the Debian binary through Playwright's executable_path.
set -uo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 COMMAND PACKAGE" >&2
    exit 2
fi
COMMAND=$1
PACKAGE=$2
say() { echo "install-debian: $*" >&2; }

if BINARY=$(command -v "$COMMAND" 2>/dev/null) && [ -n "$BINARY" ]; then
    echo "$BINARY"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    say "no $COMMAND and not root to install $PACKAGE"
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    say "no $COMMAND and no apt-get to install $PACKAGE"
    exit 1
fi

say "installing the Debian package $PACKAGE"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q "$PACKAGE" >/dev/null 2>&1; then
    apt-get update -q >/dev/null 2>&1
    if ! apt-get install -y -q "$PACKAGE" >/dev/null 2>&1; then
        say "apt-get install $PACKAGE failed"
        exit 1
    fi
fi

if BINARY=$(command -v "$COMMAND" 2>/dev/null) && [ -n "$BINARY" ]; then
    echo "$BINARY"
    exit 0
fi
say "$PACKAGE installed but no $COMMAND found"
exit 1
