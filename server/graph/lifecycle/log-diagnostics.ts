/**
 * Provisioning-log failures placed on the mapping lines they concern (the editor's `aadmap-logs`
 * diagnostics): a failure whose error code concerns an attribute (catalogue.ts,
 * ATTRIBUTE_ERROR_CODES) lands on the line of each mapped target attribute that its reason names, or
 * on the only property it modified; a uniqueness conflict lands on the matching attribute's line.
 * One diagnostic per line and error code, with the count of users. Pure: no I/O.
 */
import { attributeMappingsOf, mappingProperties, type AttributeMapping } from '../../../grammar/mapping/ast';
import { parseMappingFile } from '../../../grammar/mapping/index';
import { t } from '../../../grammar/common/l10n';
import { ATTRIBUTE_ERROR_CODES } from './catalogue';
import type { LogRecord } from './logs';

export const LOG_DIAGNOSTIC_SOURCE = 'aadmap-logs';

export interface LogDiagnostic {
  /** Offsets of the mapping line's target attribute. */
  start: number;
  end: number;
  errorCode: string;
  attribute: string;
  users: number;
  reason: string | null;
  message: string;
  /** The records behind it (ids), to open them. */
  recordIds: string[];
}

const UNIQUENESS = new Set(['EntryConflict', 'DuplicateTargetEntries', 'Conflict']);

function lastSegment(name: string): string {
  const colon = name.lastIndexOf(':');
  return (colon >= 0 ? name.slice(colon + 1) : name).toLowerCase();
}

function mentions(reason: string, attribute: string): boolean {
  const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const full = new RegExp(`(^|[^\\w:.])${escaped(attribute)}($|[^\\w:])`, 'i');
  const short = new RegExp(`['"\`]${escaped(lastSegment(attribute))}['"\`]`, 'i');
  return full.test(reason) || short.test(reason);
}

export function logDiagnostics(text: string, records: readonly LogRecord[]): LogDiagnostic[] {
  const file = parseMappingFile(text).ast;
  const lines: AttributeMapping[] = file.mappings
    .filter((block) => (block.sourceObject?.text ?? '').toLowerCase() === 'user')
    .flatMap((block) => attributeMappingsOf(block));
  const found = new Map<string, { line: AttributeMapping; errorCode: string; records: LogRecord[] }>();
  for (const record of records) {
    const code = record.errorCode;
    if (!code || record.status === 'success' || record.status === 'skipped') continue;
    const reason = record.reason ?? '';
    let hits: AttributeMapping[] = [];
    if (UNIQUENESS.has(code)) hits = lines.filter((l) => mappingProperties(l).matchingPriority === 1);
    if (!hits.length && (ATTRIBUTE_ERROR_CODES.has(code) || record.modified.length)) {
      hits = lines.filter((l) => mentions(reason, l.target.text));
      if (!hits.length && ATTRIBUTE_ERROR_CODES.has(code) && record.modified.length === 1) {
        const only = record.modified[0]!.name.toLowerCase();
        hits = lines.filter((l) => l.target.text.toLowerCase() === only || lastSegment(l.target.text) === lastSegment(only));
      }
    }
    for (const line of hits) {
      const key = `${line.start}|${code}`;
      const entry = found.get(key) ?? { line, errorCode: code, records: [] };
      entry.records.push(record);
      found.set(key, entry);
    }
  }
  return [...found.values()].map(({ line, errorCode, records: hits }) => {
    const users = new Set(hits.map((r) => r.user.id)).size;
    const reason = hits[0]!.reason;
    return {
      start: line.target.start,
      end: line.target.end,
      errorCode,
      attribute: line.target.text,
      users,
      reason,
      message: failureMessage(users, errorCode, reason),
      recordIds: hits.map((r) => r.id),
    };
  });
}

/** The diagnostic's message (the English plural forms are separate messages). */
function failureMessage(users: number, errorCode: string, reason: string | null): string {
  if (reason)
    return users === 1
      ? t('Provisioning failed for {0} user ({1}): {2}', users, errorCode, reason)
      : t('Provisioning failed for {0} users ({1}): {2}', users, errorCode, reason);
  return users === 1
    ? t('Provisioning failed for {0} user ({1})', users, errorCode)
    : t('Provisioning failed for {0} users ({1})', users, errorCode);
}
