/**
 * The two versions of an impact run, from the places `aadmap impact --before` accepts: a `.aadmap`
 * file, a Graph synchronizationSchema JSON (a backup, `aadmap pull`'s schema), or the same file at
 * a git revision (`git:REV`). A schema is turned into `.aadmap` text (server/graph/import.ts) with the
 * after file's target statement, so both versions are checked against the same target schema.
 */
import { t } from '../../grammar/common/l10n';
import { execFileSync } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseMappingFile } from '../../grammar/mapping/index';
import { importSchema, type ImportOptions } from '../graph/import';
import { JsonSyntaxError, parsePlainJson } from '../evaluator/json';
import { FileReadError, readBoundedText } from '../node/bounded-read';
import { createFileSchemaReader } from '../node/schema-file-reader';
import { analyzeMappingText, type MappingAnalysis } from '../service/analysis';

export class SourceError extends Error {}

export interface VersionText {
  /** For messages: the file, `SCHEMA.json (imported)`, `FILE at git:REV`. */
  label: string;
  text: string;
  /** The analysis (relative target schema paths resolve against the after file). */
  analysis: MappingAnalysis;
  /** Problems importing a schema that does not fit `.aadmap` exactly (the impact still runs). */
  warnings: string[];
}

/** A file read as `aadmap check` reads it (server/node/bounded-read.ts), its errors in words. */
function readText(path: string): string {
  try {
    return readBoundedText(path);
  } catch (error) {
    if (error instanceof FileReadError) throw new SourceError(error.message);
    throw error;
  }
}

export function afterVersion(file: string): VersionText {
  const text = readText(file);
  return { label: file, text, analysis: analyze(text, file), warnings: [] };
}

/** `--before`: `git:REV`, a `.json` schema, else a `.aadmap` file. */
export function beforeVersion(spec: string, afterFile: string, afterText: string): VersionText {
  if (spec.startsWith('git:')) {
    const rev = spec.slice(4);
    if (!rev) throw new SourceError(t('--before git:REV needs a revision (git:HEAD, git:main, git:HEAD~1)'));
    // A revision starting with `-` would be read by git as an option (`git:--output=FILE` writes a
    // file): refused here, and `--end-of-options` (git-rev-parse(1)) keeps git from reading it as one.
    if (rev.startsWith('-')) throw new SourceError(t("--before git:REV: a revision cannot start with '-' (got '{0}')", rev));
    let text: string;
    try {
      // `REV:./name` is relative to the working directory git runs in (git-rev-parse(1), "<rev>:<path>").
      text = execFileSync('git', ['show', '--end-of-options', `${rev}:./${basename(afterFile)}`], {
        cwd: dirname(resolve(afterFile)),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 256 << 20,
      });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
      throw new SourceError(t('cannot read {0} at git revision {1}: {2}', afterFile, rev, stderr || (error as Error).message));
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { label: t('{0} at {1}', afterFile, spec), text, analysis: analyze(text, afterFile), warnings: [] };
  }
  const raw = readText(spec);
  if (/\.json$/i.test(spec) || /^\s*\{/.test(raw)) {
    let schema: unknown;
    try {
      schema = parsePlainJson(raw);
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      // A position, never the file's text (docs/security.md).
      throw new SourceError(`${spec}:${error.line}:${error.column}: ${t('{0} is not JSON: {1}', spec, error.message)}`);
    }
    return schemaVersion(schema, t('{0} (imported)', spec), afterFile, afterText);
  }
  return { label: spec, text: raw, analysis: analyze(raw, spec), warnings: [] };
}

/** The before version's name when it is the job's schema read from Microsoft Graph. */
export const jobSchemaLabel = (): string => t("the job's current schema");

/** A Graph synchronizationSchema (a file, or the job's schema read by deploy) as the before version. */
export function schemaVersion(schema: unknown, label: string, afterFile: string, afterText: string): VersionText {
  const imported = importSchema(schema, { target: targetOf(afterText) });
  return {
    label,
    text: imported.text,
    analysis: analyze(imported.text, afterFile),
    warnings: imported.problems.map((p) => t('{0}: {1}', label, p)),
  };
}

/** The after file's target statement, for the imported before version. */
function targetOf(text: string): ImportOptions['target'] {
  const value = parseMappingFile(text).ast.targets[0]?.value;
  if (!value) return undefined;
  return value.quoted ? { path: value.text } : { builtin: value.text };
}

function analyze(text: string, file: string): MappingAnalysis {
  return analyzeMappingText(text, pathToFileURL(resolve(file)).href, createFileSchemaReader());
}
