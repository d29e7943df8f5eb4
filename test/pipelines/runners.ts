/**
 * Just enough of a GitHub Actions runner and an Azure Pipelines agent to run the `run:` / `bash:`
 * scripts of action.yml and pipelines/azure-pipelines-aadmap.yml as they run there: bash with the
 * same options, the files and variables runners give a step, step outputs, template expressions.
 * Only the expression forms the two files use are understood; any other is an error, so a new one
 * in the files fails the tests instead of being skipped.
 *
 * GitHub: https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax (composite
 * actions), https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 * (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), `shell: bash` is `bash --noprofile --norc -eo pipefail {0}`.
 * Azure Pipelines: https://learn.microsoft.com/en-us/azure/devops/pipelines/process/templates and
 * https://learn.microsoft.com/en-us/azure/devops/pipelines/process/template-expressions, predefined
 * variables reach scripts as environment variables (Agent.TempDirectory → AGENT_TEMPDIRECTORY).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface StepRun {
  name: string;
  id?: string;
  /** Skipped by its condition. */
  skipped: boolean;
  status: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

export interface JobRun {
  steps: StepRun[];
  /** What the steps appended to the job summary ($GITHUB_STEP_SUMMARY), in order. */
  summary: string;
  /** 0 when every step that ran succeeded, else the first failed step's status. */
  status: number;
  outputs: Record<string, string>;
}

/** The environment a runner gives every process, without this test process's own variables. */
function baseEnv(extra: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', NO_COLOR: '1', CI: 'true' };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) env[key] = value;
  return env;
}

function bash(
  script: string,
  env: Record<string, string>,
  cwd: string,
  options: string[],
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const file = join(env['RUNNER_TEMP'] ?? env['AGENT_TEMPDIRECTORY']!, `step-${Date.now()}-${Math.random().toString(36).slice(2)}.sh`);
    writeFileSync(file, script);
    const child = spawn('bash', [...options, file], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end();
    child.on('error', (error) => resolve({ status: 127, stdout, stderr: `${stderr}${error.message}` }));
    child.on('close', (status) => resolve({ status: status ?? 128, stdout, stderr }));
  });
}

/** `name=value` lines and `name<<DELIMITER` blocks (the GITHUB_OUTPUT file format). */
function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return outputs;
}

// ───────────────────────────────────────────── GitHub Actions (a composite action)

interface ActionFile {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: {
    using: string;
    steps: { name?: string; id?: string; if?: string; shell?: string; env?: Record<string, string>; run?: string; uses?: string }[];
  };
}

export function readAction(file: string): ActionFile {
  return parse(readFileSync(file, 'utf8')) as ActionFile;
}

interface GitHubContext {
  inputs: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
  failed: boolean;
}

/** GitHub expressions as action.yml uses them: `inputs.x`, `steps.id.outputs.x`, 'literals', ==, ||, always(). */
function githubValue(expression: string, context: GitHubContext): string | boolean {
  const text = expression.trim();
  const or = text.split(/\s*\|\|\s*/);
  if (or.length > 1) return or.some((part) => githubValue(part, context) === true);
  const eq = /^(.+?)\s*==\s*(.+)$/.exec(text);
  if (eq) return githubValue(eq[1]!, context) === githubValue(eq[2]!, context);
  if (text === 'always()') return true;
  const literal = /^'((?:[^']|'')*)'$/.exec(text);
  if (literal) return literal[1]!.replace(/''/g, "'");
  const input = /^inputs\.([\w-]+)$/.exec(text);
  if (input) {
    if (!(input[1]! in context.inputs)) throw new Error(`action.yml reads an input it does not declare: ${text}`);
    return context.inputs[input[1]!]!;
  }
  const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(text);
  if (output) return context.steps[output[1]!]?.outputs[output[2]!] ?? '';
  throw new Error(`expression not understood by the test runner: ${text}`);
}

function githubSubstitute(text: string, context: GitHubContext): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => String(githubValue(expression, context)));
}

export interface GitHubRunOptions {
  /** The action's folder ($GITHUB_ACTION_PATH). */
  actionPath: string;
  /** The repository checkout ($GITHUB_WORKSPACE), the steps' working folder. */
  workspace: string;
  inputs: Record<string, string>;
  /** More variables of the job (AADMAP_GRAPH_TOKEN, ACTIONS_ID_TOKEN_REQUEST_URL, …). */
  env?: Record<string, string | undefined>;
}

export async function runCompositeAction(options: GitHubRunOptions): Promise<JobRun> {
  const action = readAction(join(options.actionPath, 'action.yml'));
  if (action.runs.using !== 'composite') throw new Error('not a composite action');
  for (const name of Object.keys(options.inputs)) if (!(name in action.inputs)) throw new Error(`the action has no input '${name}'`);
  const inputs = Object.fromEntries(
    Object.entries(action.inputs).map(([name, spec]) => [name, options.inputs[name] ?? String(spec.default ?? '')]),
  );
  const runnerTemp = mkdtempSync(join(options.workspace, '..', 'runner-temp-'));
  const files = mkdtempSync(join(runnerTemp, '..', 'runner-files-'));
  const context: GitHubContext = { inputs, steps: {}, failed: false };
  const run: JobRun = { steps: [], summary: '', status: 0, outputs: {} };
  for (const [index, step] of action.runs.steps.entries()) {
    const name = githubSubstitute(step.name ?? `step ${index}`, context);
    if (step.uses) throw new Error(`the test runner runs no 'uses' steps (${step.uses})`);
    if (step.shell !== 'bash') throw new Error(`step '${name}': only shell: bash is run here`);
    const condition = step.if ?? '';
    const wanted = condition.includes('always()')
      ? githubValue(condition, context) === true
      : !context.failed && (!condition || githubValue(condition, context) === true);
    if (!wanted) {
      run.steps.push({ name, id: step.id, skipped: true, status: 0, stdout: '', stderr: '', outputs: {} });
      continue;
    }
    const output = join(files, `output-${index}`);
    const summary = join(files, `summary-${index}`);
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const env = baseEnv({
      GITHUB_ACTIONS: 'true',
      RUNNER_OS: 'Linux',
      RUNNER_TEMP: runnerTemp,
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_ACTION_PATH: options.actionPath,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_ENV: join(files, `env-${index}`),
      GITHUB_PATH: join(files, `path-${index}`),
      ...options.env,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, githubSubstitute(String(value), context)])),
    });
    const result = await bash(step.run!, env, options.workspace, ['--noprofile', '--norc', '-eo', 'pipefail']);
    const outputs = readOutputs(output);
    if (step.id) context.steps[step.id] = { outputs };
    run.summary += readFileSync(summary, 'utf8');
    run.steps.push({ name, id: step.id, skipped: false, ...result, outputs });
    if (result.status !== 0 && !context.failed) {
      context.failed = true;
      run.status = result.status;
    }
  }
  run.outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, spec]) => [name, githubSubstitute(spec.value, context)]));
  return run;
}

// ───────────────────────────────────────────── Azure Pipelines (a steps template)

interface TemplateFile {
  parameters: { name: string; type?: string; default?: unknown; values?: string[] }[];
  steps: unknown[];
}

export interface AzureStep {
  displayName: string;
  /** `bash` steps and the inline script of an AzureCLI@2 task; other tasks are listed, not run. */
  script?: string;
  task?: string;
  inputs?: Record<string, string>;
  env: Record<string, string>;
  condition?: string;
}

export function readTemplate(file: string): TemplateFile {
  return parse(readFileSync(file, 'utf8')) as TemplateFile;
}

/** Template expressions as the template uses them: parameters.x, 'literals', eq(), ne(), or(). */
function azureValue(expression: string, parameters: Record<string, unknown>): unknown {
  const text = expression.trim();
  const call = /^(eq|ne|or)\((.*)\)$/.exec(text);
  if (call) {
    const args = splitArguments(call[2]!).map((arg) => azureValue(arg, parameters));
    if (call[1] === 'or') return args.some((a) => a === true);
    const same = String(args[0]).toLowerCase() === String(args[1]).toLowerCase();
    return call[1] === 'eq' ? same : !same;
  }
  const literal = /^'((?:[^']|'')*)'$/.exec(text);
  if (literal) return literal[1]!.replace(/''/g, "'");
  const parameter = /^parameters\.(\w+)$/.exec(text);
  if (parameter) {
    if (!(parameter[1]! in parameters)) throw new Error(`the template reads a parameter it does not declare: ${text}`);
    return parameters[parameter[1]!];
  }
  throw new Error(`template expression not understood by the test runner: ${text}`);
}

function splitArguments(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  args.push(text.slice(start));
  return args;
}

function azureSubstitute(text: string, parameters: Record<string, unknown>): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => String(azureValue(expression, parameters)));
}

/** The steps the template expands to for these parameters (conditional insertion evaluated). */
export function expandTemplate(file: string, given: Record<string, unknown>): AzureStep[] {
  const template = readTemplate(file);
  for (const name of Object.keys(given))
    if (!template.parameters.some((p) => p.name === name)) throw new Error(`the template has no parameter '${name}'`);
  const parameters: Record<string, unknown> = {};
  for (const p of template.parameters) {
    const value = given[p.name] ?? p.default;
    if (value === undefined) throw new Error(`parameter '${p.name}' is required`);
    if (p.values && !p.values.includes(String(value))) throw new Error(`parameter '${p.name}' must be one of ${p.values.join(', ')}`);
    parameters[p.name] = value;
  }
  const steps: AzureStep[] = [];
  const expand = (items: unknown[]) => {
    for (const item of items) {
      const entries = Object.entries(item as Record<string, unknown>);
      const insertion = entries.length === 1 ? /^\$\{\{\s*if (.*)\}\}$/.exec(entries[0]![0]) : null;
      if (insertion) {
        if (azureValue(insertion[1]!, parameters) === true) expand(entries[0]![1] as unknown[]);
        continue;
      }
      const step = item as {
        bash?: string;
        task?: string;
        displayName?: string;
        inputs?: Record<string, unknown>;
        env?: Record<string, unknown>;
        condition?: string;
      };
      const sub = (value: unknown) => azureSubstitute(String(value), parameters);
      const inputs = Object.fromEntries(Object.entries(step.inputs ?? {}).map(([k, v]) => [k, sub(v)]));
      steps.push({
        displayName: sub(step.displayName ?? step.task ?? 'bash'),
        script: step.bash !== undefined ? sub(step.bash) : step.task?.startsWith('AzureCLI@') ? inputs['inlineScript'] : undefined,
        task: step.task,
        inputs,
        env: Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, sub(v)])),
        condition: step.condition,
      });
    }
  };
  expand(template.steps);
  return steps;
}

export interface AzureRunOptions {
  /** The checkout ($(System.DefaultWorkingDirectory), $(Build.SourcesDirectory)). */
  workspace: string;
  parameters: Record<string, unknown>;
  env?: Record<string, string | undefined>;
  /** What an AzureCLI@2 task with addSpnToEnvironment gives its script (servicePrincipalId, idToken, tenantId). */
  servicePrincipal?: Record<string, string>;
}

export interface AzureRun extends JobRun {
  expanded: AzureStep[];
  /** Logging commands (##vso[…]) the scripts printed, in order. */
  commands: string[];
  agentTemp: string;
}

export async function runTemplate(file: string, options: AzureRunOptions): Promise<AzureRun> {
  const expanded = expandTemplate(file, options.parameters);
  const agentTemp = mkdtempSync(join(options.workspace, '..', 'agent-temp-'));
  mkdirSync(agentTemp, { recursive: true });
  const run: AzureRun = { steps: [], summary: '', status: 0, outputs: {}, expanded, commands: [], agentTemp };
  let failed = false;
  for (const step of expanded) {
    if (step.script === undefined) continue;
    // Default condition succeeded(); succeededOrFailed() and always() run after a failure too.
    if (failed && !/^(succeededOrFailed|always)\(\)$/.test(step.condition ?? '')) {
      run.steps.push({ name: step.displayName, skipped: true, status: 0, stdout: '', stderr: '', outputs: {} });
      continue;
    }
    const env = baseEnv({
      TF_BUILD: 'True',
      AGENT_TEMPDIRECTORY: agentTemp,
      BUILD_SOURCESDIRECTORY: options.workspace,
      SYSTEM_DEFAULTWORKINGDIRECTORY: options.workspace,
      ...options.env,
      ...(step.task?.startsWith('AzureCLI@') && step.inputs?.['addSpnToEnvironment'] === 'true' ? options.servicePrincipal : {}),
      ...step.env,
    });
    // The Bash task runs the script file with bash (https://learn.microsoft.com/en-us/azure/devops/pipelines/tasks/reference/bash-v3).
    const result = await bash(step.script, env, options.workspace, ['--noprofile', '--norc']);
    run.commands.push(...result.stdout.split('\n').filter((line) => line.startsWith('##vso[')));
    run.steps.push({ name: step.displayName, skipped: false, ...result, outputs: {} });
    if (result.status !== 0 && !failed) {
      failed = true;
      run.status = result.status;
    }
  }
  for (const command of run.commands) {
    const summary = /^##vso\[task\.uploadsummary\](.*)$/.exec(command);
    if (summary) run.summary += readFileSync(summary[1]!, 'utf8');
  }
  return run;
}
