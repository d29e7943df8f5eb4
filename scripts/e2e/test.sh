#!/usr/bin/env bash
# npm run test:e2e: the extension in real VS Code (code-server 4.100.3 = VS Code 1.100.3, driven by
# headless Chromium). Installs what is missing (scripts/e2e/install.sh), packages the extension, then
# runs, and fails if any of them fails:
#   1. the extension-host suite (test/e2e/suite) inside VS Code's extension host, then its Restricted
#      Mode part again in a workspace VS Code does not trust (--restricted);
#   1a. the extension-host suite's Japanese files (test/e2e/suite/*.ja.test.ts) in an editor in Japanese;
#   1b. the browser build's suite (test/e2e/browser) inside VS Code's web worker extension host;
#   2. the UI tests (test/e2e/ui) against the installed aadmap.vsix, with screenshots;
#   2b. the UI tests of the editor in Japanese (test/e2e/ui/*.ja.ui.ts);
#   3. `npm start --check`: the editor `npm start` serves comes up with the extension working.
# Works as root with no stdin and no display.
set -euo pipefail
cd "$(dirname "$0")/../.."

started=$SECONDS
step_started=$SECONDS
summary=()
step() {
  echo
  echo "== e2e: $*"
  step_started=$SECONDS
}
done_step() { summary+=("$(printf '%-36s %4ss  %s' "$1" "$((SECONDS - step_started))" "$2")"); }

step 'install prerequisites'
bash scripts/e2e/install.sh </dev/null
done_step 'install prerequisites' ok
step 'package the extension (aadmap.vsix) and build the tests'
npm run -s package
npm run -s build:e2e
done_step 'package + build' ok

status=0
run() {
  local name="$1"
  shift
  step "$name"
  if node --enable-source-maps "$@" </dev/null; then done_step "$name" passed; else
    done_step "$name" FAILED
    status=1
  fi
}
run 'extension-host tests' out/e2e/harness/run-extension-host-tests.mjs
run 'extension-host, Restricted Mode' out/e2e/harness/run-extension-host-tests.mjs --restricted
run 'extension-host tests in Japanese' out/e2e/harness/run-extension-host-tests.mjs --locale ja
run 'web worker extension-host tests' out/e2e/harness/run-extension-host-tests.mjs --web-worker
run 'UI tests' out/e2e/harness/run-ui-tests.mjs
run 'UI tests in Japanese' out/e2e/harness/run-ui-tests.mjs --locale ja
run 'npm start --check' out/e2e/harness/start-editor.mjs --check

echo
echo "== e2e summary ($((SECONDS - started))s)"
printf '   %s\n' "${summary[@]}"
exit $status
