/**
 * The bundled Chatwork example before and after a change that moves users between the impact's
 * categories: a narrower scope (contractors leave it), another matching value (userName from mail)
 * and a changed attribute (title gets a default). Shared by the impact tests of the CLI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function chatworkChange(): { before: string; after: string } {
  const before = readFileSync(join(__dirname, '..', '..', 'examples', 'chatwork.aadmap'), 'utf8');
  const after = before
    .replace('[accountEnabled] IS TRUE', '[accountEnabled] IS TRUE\n    [extensionAttribute1] NOT EQUALS "contractor"')
    .replace('userName   <- [userPrincipalName]  match 1', 'userName   <- [mail]  match 1')
    .replace('title      <- [jobTitle]', 'title      <- Coalesce([jobTitle], "Staff")');
  return { before, after };
}
