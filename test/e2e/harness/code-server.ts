/**
 * code-server (VS Code 1.100.3's server and web workbench, with the real Node extension host), started
 * on loopback with throw-away or given state. Nothing goes to $HOME: any code-server start writes
 * ~/.config/code-server and ~/.local/share/code-server unless HOME, XDG_* and --config point elsewhere.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { killProcessGroup, log, onCleanup, sleep, trackProcessGroup } from './lifecycle';
import { codeServerEntry } from './paths';

/** HOME, XDG_* and TMPDIR under `home`/`tmp`: for code-server and Chromium, which both write there. */
export function isolatedEnv(home: string, tmp: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  for (const dir of [home, tmp]) mkdirSync(dir, { recursive: true });
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    XDG_RUNTIME_DIR: tmp,
    TMPDIR: tmp,
    // No extension gallery (open-vsx.org is unreachable here anyway): no lookups, no noise in the log.
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

/** The state code-server reads and writes. `home`, `tmp` and the config file are created if needed. */
export interface CodeServerState {
  userDataDir: string;
  extensionsDir: string;
  home: string;
  /** VS Code's unix sockets go here: keep the path short. */
  tmp: string;
}

export function stateUnder(dir: string): CodeServerState {
  return { userDataDir: join(dir, 'user-data'), extensionsDir: join(dir, 'extensions'), home: join(dir, 'home'), tmp: join(dir, 'tmp') };
}

/** Settings for a quiet workbench: no welcome page, no trust prompt, no update checks. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
};

/** Writes User/settings.json into a user-data folder, unless it has one (so a kept editor keeps the user's changes). */
export function seedSettings(userDataDir: string, extra: Record<string, unknown> = {}): void {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify({ ...SETTINGS, ...extra }, null, 2));
}

/** For tests: edits stay unsaved until a test saves or reverts them (the web workbench's default is afterDelay). */
// Word-based suggestions off: completion tests must see only what the language server answers.
export const TEST_SETTINGS = { 'files.autoSave': 'off', 'editor.wordBasedSuggestions': 'off' };

/** The flags every code-server start needs: an empty config file (else it writes one to ~/.config) and the state folders. */
function commonArgs(state: CodeServerState): string[] {
  for (const dir of [state.home, state.tmp, state.userDataDir, state.extensionsDir]) mkdirSync(dir, { recursive: true });
  const config = join(state.home, 'code-server.yaml');
  if (!existsSync(config)) writeFileSync(config, '');
  return ['--config', config, '--user-data-dir', state.userDataDir, '--extensions-dir', state.extensionsDir];
}

/** `code-server --install-extension <vsix>`: works offline (installing by id would need a gallery). */
export async function installExtension(state: CodeServerState, vsix: string): Promise<void> {
  log(`installing ${vsix} into ${state.extensionsDir}`);
  await promisify(execFile)(process.execPath, [codeServerEntry, ...commonArgs(state), '--install-extension', vsix, '--force'], {
    env: isolatedEnv(state.home, state.tmp),
    timeout: 120_000,
  });
}

export interface CodeServer {
  /** http://127.0.0.1:<port> */
  base: string;
  /** host:port, the authority of vscode-remote:// URIs. */
  authority: string;
  logFile: string;
  /** Prints the end of code-server's log (after a failure: the run's folder is removed at exit). */
  printLogTail(lines?: number): void;
  /** Settles when the code-server process ends (by stop() or on its own). */
  exited: Promise<void>;
  /** Stops the whole process group (extension host, file watcher, pty host, language servers too). */
  stop(): Promise<void>;
}

export interface StartOptions {
  state: CodeServerState;
  /** 0 (default): any free port. */
  port?: number;
  /** Folder opened when the browser visits `/` without ?folder=. */
  folder?: string;
  /** More environment for code-server; the extension host inherits it. */
  env?: Record<string, string>;
  /** Settings merged into User/settings.json (only written when the file does not exist yet). */
  settings?: Record<string, unknown>;
  /** Echo code-server's output (it always goes to the log file). */
  verbose?: boolean;
  /**
   * Keep VS Code's Workspace Trust on (code-server's default): with `security.workspace.trust.enabled`
   * in the settings, a folder the user never trusted opens in Restricted Mode. Off (the default here):
   * `--disable-workspace-trust`, every folder is trusted.
   */
  workspaceTrust?: boolean;
  /** The display language (`--locale`); a language other than English needs its language pack installed. */
  locale?: string;
}

export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  const { state } = options;
  seedSettings(state.userDataDir, options.settings);
  const port = options.port || (await freePort());
  const args = [
    codeServerEntry,
    ...commonArgs(state),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    ...(options.locale ? ['--locale', options.locale] : []),
    ...(options.folder ? [options.folder] : []),
  ];
  const logFile = join(state.home, 'code-server.log');
  const output = createWriteStream(logFile);
  // detached: a process group of its own, so stop() reaches the children that outlive code-server.
  const child = spawn(process.execPath, args, {
    env: isolatedEnv(state.home, state.tmp, options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const pgid = child.pid!;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  trackProcessGroup(pgid);
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= killProcessGroup(pgid).then(() => new Promise<void>((resolve) => output.end(resolve))));
  onCleanup('stop code-server', stop);
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (chunk: Buffer) => {
      output.write(chunk);
      if (options.verbose) process.stdout.write(`[code-server] ${chunk}`);
    });
  }
  child.on('error', (error) => log(`code-server: ${error.message}`));
  const printLogTail = (lines = 40) => {
    const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines);
    console.log(`---- last ${tail.length} lines of ${logFile}\n${tail.join('\n')}\n----`);
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, child, logFile);
  } catch (error) {
    printLogTail();
    throw error;
  }
  log(`code-server is up at ${base} (pid ${pgid}, log ${logFile})`);
  return { base, authority: `127.0.0.1:${port}`, logFile, printLogTail, exited, stop };
}

async function waitForHealth(base: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode}); see ${logFile}`);
    }
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer ${base}/healthz within 60 s; see ${logFile}`);
    await sleep(200);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A vscode-remote:// URI: how the web workbench names a path on the server (here: this machine). */
export function remoteUri(authority: string, absolutePath: string): string {
  return `vscode-remote://${authority}${encodeURI(absolutePath)}`;
}

/**
 * The workbench URL for `folder`. A `payload` carries what the desktop's command line would:
 * extensionDevelopmentPath and extensionTestsPath as vscode-remote:// URIs (code-server's own CLI
 * rejects those flags, but its web workbench reads them here, as VS Code's browser tests do).
 */
export function workbenchUrl(base: string, folder: string, payload?: [string, string][]): string {
  const url = new URL(`${base}/`);
  url.searchParams.set('folder', folder);
  if (payload) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}
