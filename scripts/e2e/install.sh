#!/usr/bin/env bash
# Installs what the end-to-end tests and `npm start` need, skipping whatever is already there:
#   - Debian packages: chromium (the browser Playwright drives), ripgrep (VS Code's search binary,
#     see below), libkrb5-dev (headers for code-server's `kerberos` native module),
#     fonts-ipafont-gothic (Japanese glyphs for the Japanese UI tests and their screenshots);
#   - code-server (VS Code 1.100.3 server + web workbench) into the git-ignored tool folder .e2e/,
#     never into the extension's dependencies.
# Works as root or through password-less sudo, with no stdin and no display. Everything it writes
# goes to the tool folder, except npm's own cache and logs (~/.npm) and apt's files.
#
# Env: AADMAP_E2E_DIR   tool folder (default <repo>/.e2e); point several clones at one folder to
#                       install code-server once (e.g. a CI cache).
set -euo pipefail

# code-server 4.100.3 is the last release whose engines accept Node 20 (later ones need 22 or 24).
CODE_SERVER_VERSION=4.100.3
# The @vscode/ripgrep version its shrinkwrap pins, and the ripgrep release tag that version downloads.
# Change all three together.
RIPGREP_NPM_VERSION=1.15.11
RIPGREP_TAG=v13.0.0-10
APT_PACKAGES=(chromium ripgrep libkrb5-dev fonts-ipafont-gothic)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
e2e_dir="${AADMAP_E2E_DIR:-$root/.e2e}"
mkdir -p "$e2e_dir"
e2e_dir="$(cd "$e2e_dir" && pwd)"
started=$SECONDS
say() { echo "== e2e install [$((SECONDS - started))s] $*"; }
fail() {
  echo "e2e install: $*" >&2
  exit 1
}

# 1. Debian packages.
missing=()
for package in "${APT_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
  [ "$status" = 'install ok installed' ] || missing+=("$package")
done
if ((${#missing[@]})); then
  command -v apt-get >/dev/null || fail "needs the Debian packages ${missing[*]}, but this system has no apt-get. Install them with your package manager."
  if [ "$(id -u)" = 0 ]; then
    as_root=()
  elif sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    fail "needs the Debian packages ${missing[*]}. Run as root, or first: sudo apt-get install -y ${missing[*]}"
  fi
  say "apt-get install ${missing[*]}"
  # Lock::Timeout: wait for another apt run on the machine instead of failing at once.
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=600 update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq -y -o DPkg::Lock::Timeout=600 install --no-install-recommends "${missing[@]}" </dev/null >/dev/null
fi
[ -x /usr/bin/chromium ] || fail '/usr/bin/chromium is missing after installing the chromium package'
command -v rg >/dev/null || fail 'rg is missing after installing the ripgrep package'

# 2. code-server, in a folder of its own. The marker is written last, so an interrupted install is redone.
code_server_dir="$e2e_dir/code-server"
marker="$code_server_dir/installed-$CODE_SERVER_VERSION"
if [ -f "$marker" ]; then
  say "code-server $CODE_SERVER_VERSION already in $code_server_dir"
  exit 0
fi
say "npm install code-server@$CODE_SERVER_VERSION into $code_server_dir"
rm -rf "$code_server_dir"
mkdir -p "$code_server_dir"

# @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable here) unless the release asset is
# already in its download cache, $TMPDIR/vscode-ripgrep-cache-<version>/. Put Debian's rg there, packed
# as the asset it expects, so the whole install runs unmodified.
case "$(uname -m)" in
  x86_64) ripgrep_target=x86_64-unknown-linux-musl ;;
  aarch64) ripgrep_target=aarch64-unknown-linux-musl ;;
  *) fail "no ripgrep asset name known for $(uname -m)" ;;
esac
install_tmp="$e2e_dir/tmp"
rm -rf "$install_tmp"
ripgrep_cache="$install_tmp/vscode-ripgrep-cache-$RIPGREP_NPM_VERSION"
mkdir -p "$ripgrep_cache"
tar -C "$(dirname "$(command -v rg)")" -czf "$ripgrep_cache/ripgrep-$RIPGREP_TAG-$ripgrep_target.tar.gz" rg

# allowScripts: npm 11 asks for install scripts to be approved per package. code-server's postinstall
# does the real work (a nested install of VS Code's dependencies and their native builds).
cat >"$code_server_dir/package.json" <<JSON
{
  "private": true,
  "description": "code-server for aadmap's end-to-end tests and npm start (installed by scripts/e2e/install.sh)",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
# unsafe_perm: code-server's postinstall refuses to run as root without it (npm warns that it does not
# know the setting; the script reads the variable itself). yes: node-pty's postinstall runs
# `npx node-gyp`, which would otherwise ask and, with no stdin, cancel.
(
  cd "$code_server_dir"
  TMPDIR="$install_tmp" npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --no-update-notifier --loglevel=error </dev/null
)
rg_in_vscode="$code_server_dir/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
[ -x "$rg_in_vscode" ] || fail "code-server installed without $rg_in_vscode (the ripgrep cache trick did not apply: check RIPGREP_NPM_VERSION and RIPGREP_TAG)"
[ -x "$code_server_dir/node_modules/.bin/code-server" ] || fail 'code-server installed without its entry script'
rm -rf "$install_tmp"
touch "$marker"
say "code-server $CODE_SERVER_VERSION installed"
