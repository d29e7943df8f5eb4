/**
 * French has one word for the provisioning job (Graph's synchronizationJob): « tâche »
 * (docs/localization.md, Terms). Every French text aadmap ships — the messages (l10n/fr/*.json), the
 * manifest's texts (package.nls.fr.json) and the walkthrough's pages (walkthrough/fr/*.md) — is read
 * with the English it translates, so « travail » is allowed only in the phrases that translate another
 * English word (a workspace is an « espace de travail »).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const read = (...path: string[]): string => readFileSync(join(root, ...path), 'utf8');
const readJson = (...path: string[]): Record<string, string> => JSON.parse(read(...path)) as Record<string, string>;

/** A French text, the English it translates and where it is. */
interface Text {
  at: string;
  english: string;
  french: string;
}

function frenchTexts(): Text[] {
  const texts: Text[] = [];
  for (const file of readdirSync(join(root, 'l10n', 'fr')).filter((name) => name.endsWith('.json')))
    for (const [english, french] of Object.entries(readJson('l10n', 'fr', file)))
      texts.push({ at: `l10n/fr/${file}: ${english}`, english, french });
  const english = readJson('package.nls.json');
  for (const [key, french] of Object.entries(readJson('package.nls.fr.json')))
    texts.push({ at: `package.nls.fr.json: ${key}`, english: english[key] ?? '', french });
  for (const page of readdirSync(join(root, 'walkthrough', 'fr')).filter((name) => name.endsWith('.md')))
    texts.push({ at: `walkthrough/fr/${page}`, english: read('walkthrough', page), french: read('walkthrough', 'fr', page) });
  return texts;
}

/** The uses of « travail » that do not name the job, each allowed only where the English has the word it translates. */
const OTHER_WORK: readonly { french: RegExp; english: RegExp }[] = [
  { french: /\bespaces? de travail\b/giu, english: /\bworkspaces?\b/iu },
  { french: /\bcharge de travail\b/giu, english: /\bworkload\b/iu },
  { french: /\blieu de travail\b/giu, english: /\bplace of business\b/iu },
];

/** Whether `french` has the word « travail » (or « travaux », not the verb « travailler ») other than in a phrase `english` allows. */
function saysTravail(english: string, french: string): boolean {
  const rest = OTHER_WORK.reduce((text, use) => (use.english.test(english) ? text.replace(use.french, '') : text), french);
  return /\btrava(?:il|ux)\b/iu.test(rest);
}

/** English uses of "job" that are not the provisioning job: a CI job, a job title, and the keyword, flags and field written as code. */
const NOT_THE_JOB: readonly RegExp[] = [
  /\bCI job\b/gu,
  /\bjob summary\b/gu,
  /\bJob title\b/gu,
  /--(?:other-)?job\b/gu,
  /\bjob "…"/gu,
  /`job`/gu,
  /, job\)/gu,
];

/** Whether `english` speaks of the provisioning job. */
function namesTheJob(english: string): boolean {
  return /\bjobs?\b/iu.test(NOT_THE_JOB.reduce((text, use) => text.replace(use, ''), english));
}

describe('French: the provisioning job', () => {
  const texts = frenchTexts();

  it('reads the French texts', () => {
    // The finder itself: a finder that reads nothing passes everything below.
    expect(texts.filter((text) => text.at.startsWith('l10n/fr/lifecycle.json')).length).toBeGreaterThan(50);
    expect(texts.some((text) => text.at.startsWith('package.nls.fr.json'))).toBe(true);
    expect(texts.some((text) => text.at.startsWith('walkthrough/fr/'))).toBe(true);
  });

  it('is never called « travail »', () => {
    const wrong = texts.filter(({ english, french }) => saysTravail(english, french));
    expect(wrong.map((text) => text.at)).toEqual([]);
  });

  it('is called « tâche » wherever the English message names it', () => {
    const messages = texts.filter((text) => !text.at.startsWith('walkthrough/'));
    expect(messages.filter((text) => namesTheJob(text.english)).length).toBeGreaterThan(50);
    const wrong = messages.filter(({ english, french }) => namesTheJob(english) && !/\btâches?\b/iu.test(french));
    expect(wrong.map((text) => text.at)).toEqual([]);
  });

  it('tells the job from the other uses of the words', () => {
    expect(namesTheJob('Restarted job {0}.')).toBe(true);
    expect(namesTheJob("The job's schema has no synchronization rule for users.")).toBe(true);
    expect(namesTheJob('Markdown tables (for a CI job summary)')).toBe(false);
    expect(namesTheJob('deploy fields: tenant "…", servicePrincipal "…", job "…"')).toBe(false);
    expect(namesTheJob('Job title.')).toBe(false);
    // « espace de travail » is a workspace only where the English says workspace.
    expect(saysTravail('No *.user.json file in the workspace', "Aucun fichier *.user.json dans l'espace de travail")).toBe(false);
    expect(saysTravail('Restarted job {0} in the workspace.', "Travail {0} redémarré dans l'espace de travail.")).toBe(true);
    expect(saysTravail('Restarted job {0}.', 'Espace de travail {0} redémarré.')).toBe(true);
    expect(saysTravail('Department the user works in.', "Service dans lequel travaille l'utilisateur.")).toBe(false);
  });
});
