/**
 * `aadmap fmt FILE|DIR... [--check] [--write]`: the editor's formatter (the language service's
 * `format`, whose edits the editor applies) run from a shell, for CI gates such as
 * `aadmap fmt --check .`. A file with syntax errors is never rewritten; it is reported with the
 * position of each error. Usage and exit codes: docs/fmt.md.
 */
import { t } from '../../grammar/common/l10n';
import { lstatSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions } from 'vscode-languageserver-types';
import { createLanguageService } from '../service/language-service';
import { languageOf } from '../service/document';
import { tooLargeToFormat } from '../service/features/formatting';
import { cannotRead } from '../node/bounded-read';
import { readFailureReason } from '../node/file-errors';
import { parseArgs, UsageError } from './args';
import { FileReadError, readTextInput, STDIN, type TextEncoding } from './files';
import { visible } from './format-text';
import type { CliIO } from './io';

export function fmtUsage(): string {
  return `${t('Usage:')} aadmap fmt FILE|DIR... [--check | --write]
       aadmap fmt - [--stdin-filename NAME] [--check]

${t('Formats .aadmap files (and .scimfilter files named explicitly) exactly as the editor does.\nDirectories are searched for .aadmap files (node_modules and dot-folders are skipped).')}
  (no flag)  ${t('print the formatted text of one FILE; nothing is changed')}
  --check    ${t('list the files that are not formatted; nothing is changed')}
  --write    ${t('rewrite the files that are not formatted, and list them')}
  -          ${t('read the file from standard input')}
  --stdin-filename NAME  ${t('its name in messages (and its type, by extension; default <stdin>, .aadmap)')}
${t('A file with syntax errors is left unchanged and reported.\nExit status: 0 all formatted (or rewritten), 1 files not formatted (--check) or with syntax errors,\n2 usage error or unreadable file.')}`;
}

/** The editor's settings for .aadmap files (`configurationDefaults` in package.json). */
const OPTIONS: FormattingOptions = { tabSize: 2, insertSpaces: true };

/**
 * The formatted text stored as the file was (docs/security.md: files are read as `check` reads
 * them): a byte order mark is not part of the text the editor formats, so it is put back, and a
 * UTF-16 file stays UTF-16.
 */
function encodeAs(text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from(`\ufeff${text}`, 'utf8');
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
  return encoding === 'utf-16be' ? bytes.swap16() : bytes;
}

export function runFmt(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { check: {}, write: {}, 'stdin-filename': { value: true }, help: {} });
  if (args.flags.has('help')) {
    io.out(fmtUsage());
    return 0;
  }
  const check = args.flags.has('check');
  const write = args.flags.has('write');
  if (check && write) throw new UsageError(t('give --check or --write, not both'));
  if (args.positionals.length === 0) throw new UsageError(t('fmt needs at least one FILE or DIR'));
  // Standard input as `check -` reads it (docs/cli-conventions.md); there is no file to rewrite.
  const stdinName = args.options.get('stdin-filename')?.[0];
  if (stdinName !== undefined && !args.positionals.includes(STDIN))
    throw new UsageError(t("--stdin-filename names standard input: pass '{0}' as the FILE too", STDIN));
  if (args.positionals.filter((p) => p === STDIN).length > 1) throw new UsageError(t("'{0}' (standard input) can be given once", STDIN));
  if (write && args.positionals.includes(STDIN))
    throw new UsageError(t("--write cannot rewrite standard input ('{0}'): print its formatted text or use --check", STDIN));

  const files: string[] = [];
  let directories = false;
  for (const path of args.positionals) {
    if (path === STDIN) {
      files.push(path);
      continue;
    }
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      io.err(`aadmap fmt: ${cannotRead(path, readFailureReason(error)).message}`);
      return 2;
    }
    if (stats.isDirectory()) {
      directories = true;
      const found = walk(path);
      if (found.length === 0) io.err(`aadmap fmt: ${t('no .aadmap files in {0}', path)}`);
      files.push(...found);
    } else if (stats.isFile()) files.push(path);
    else {
      io.err(`aadmap fmt: ${t('{0} is not a file or directory', path)}`);
      return 2;
    }
  }
  const print = !check && !write;
  if (print && (files.length !== 1 || directories))
    throw new UsageError(t('printing needs exactly one FILE; use --check or --write for several files or a directory'));

  const service = createLanguageService();
  let problems = false;
  for (const file of files) {
    // The reader `check` uses: regular files of at most 16 MB, strict UTF-8 or UTF-16 with a byte order mark.
    let text: string;
    let encoding: TextEncoding = 'utf-8';
    try {
      text = readTextInput(file, '', stdinName, (found) => (encoding = found));
    } catch (error) {
      if (!(error instanceof FileReadError)) throw error;
      io.err(`aadmap fmt: ${error.message}`);
      return 2;
    }
    const name = file === STDIN ? (stdinName ?? '<stdin>') : file;
    // Files of other types are read as mapping files, as `aadmap check` does.
    const languageId = languageOf({ uri: name, text }) ?? 'aadmap';
    const uri = file === STDIN && stdinName === undefined ? 'untitled:stdin' : pathToFileURL(name).href;
    const snapshot = service.snapshot({ uri, languageId, text });

    const tooLarge = tooLargeToFormat(snapshot);
    if (tooLarge) {
      problems = true;
      io.err(`aadmap fmt: ${name} has ${tooLarge}; left unchanged`);
      if (print) io.out(text.replace(/\n$/, ''));
      continue;
    }

    const blockers = service.formatBlockers(snapshot);
    if (blockers.length > 0) {
      problems = true;
      for (const blocker of blockers) {
        const { line, character } = snapshot.lines.positionAt(blocker.offset);
        // Control characters from the file are shown as `check` shows them (Control Pictures).
        io.err(`${visible(`${name}:${line + 1}:${character + 1}`)}: syntax error: ${visible(blocker.message)}`);
      }
      io.err(`aadmap fmt: ${visible(t('{0} has syntax errors; left unchanged', name))}`);
      if (print) io.out(text.replace(/\n$/, ''));
      continue;
    }

    const edits = service.format(snapshot, OPTIONS);
    const formatted = edits.length === 0 ? text : TextDocument.applyEdits(TextDocument.create(snapshot.uri, languageId, 0, text), edits);
    if (print) {
      // io.out ends the output with a line break; the formatted text already ends with one.
      io.out(formatted.replace(/\n$/, ''));
    } else if (formatted !== text) {
      if (check) problems = true;
      else writeFileSync(file, encodeAs(formatted, encoding));
      io.out(name);
    }
  }
  return problems ? 1 : 0;
}

/** The .aadmap files below a directory, in name order; symbolic links only when they lead to a regular file. */
function walk(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else if (/\.aadmap$/i.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isRegularFile(path)))) files.push(path);
  }
  return files;
}

function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() && statSync(path).isFile();
  } catch {
    return false; // a dangling link
  }
}
