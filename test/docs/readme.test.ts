/** The README documents every diagnostic code and shows the commands and screenshots that really exist. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCIM_DIAGNOSTIC_CODES } from '../../grammar/scim/index';
import { CHECKER_CODES } from '../../server/checker/codes';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const packageJson = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('README', () => {
  it('has an anchored row for every diagnostic code, with its severity', () => {
    const codes = { ...Object.fromEntries(Object.entries(CHECKER_CODES).map(([code, info]) => [code, info.severity])) };
    for (const code of Object.keys(SCIM_DIAGNOSTIC_CODES)) codes[code] ??= 'error';
    for (const [code] of Object.entries(codes)) {
      expect(readme, code).toContain(`<a id="${code}"></a>\`${code}\``);
    }
    for (const [code, info] of Object.entries(CHECKER_CODES)) {
      expect(readme).toMatch(new RegExp(`\`${code}\` \\| ${info.severity} \\|`));
    }
  });

  it('opens with the two commands, and the scripts they use exist', () => {
    const commands = readme.split('```bash\n')[1]!.split('```')[0]!.trim().split('\n');
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/^npm ci && npm run build && npx aadmap check examples\/chatwork\.aadmap/);
    expect(commands[1]).toMatch(/^npm ci && npm test && npm run test:e2e\b/);
    expect(packageJson.scripts.build).toBeDefined();
    expect(packageJson.scripts.test).toBeDefined();
    expect(packageJson.scripts['test:e2e']).toBeDefined();
    expect(packageJson.bin.aadmap).toBe('dist/cli.js');
  });

  it('shows `npm start` as the way to see it in the real editor, and the script exists', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('http://127.0.0.1:8080');
    expect(packageJson.scripts.start).toBeDefined();
  });

  it('shows every committed screenshot, and every screenshot it shows is committed', () => {
    const folder = join(__dirname, '..', 'e2e', 'screenshots');
    // A screenshot may be shown in several sections (the Screenshots section and its feature's).
    const shown = [...new Set([...readme.matchAll(/!\[[^\]]*\]\(test\/e2e\/screenshots\/([^)]+)\)/g)].map((m) => m[1]))].sort();
    expect(shown.length).toBeGreaterThan(0);
    expect(
      readdirSync(folder)
        .filter((name) => name.endsWith('.png'))
        .sort(),
    ).toEqual(shown);
  });
});
