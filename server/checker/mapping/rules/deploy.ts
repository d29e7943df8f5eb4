/**
 * The `deploy` header statement: at most one per file; its fields are `tenant` (a tenant id or
 * domain), `servicePrincipal` (the enterprise app's object id — or its appId, which deploy resolves)
 * and `job` (a synchronization job id), each at most once and never empty.
 */
import { joinSentences, t } from '../../../../grammar/common/l10n';
import type { DeployStatement, MappingFile } from '../../../../grammar/mapping/ast';
import { DEPLOY_FIELD_ENTRIES } from '../../../../grammar/mapping/vocabulary';
import { suggestNames } from '../../../catalogue/index';
import { didYouMean, type DiagnosticSink } from '../../diagnostic';

export type DeployFieldName = (typeof DEPLOY_FIELD_ENTRIES)[number]['name'];
export const DEPLOY_FIELDS: readonly DeployFieldName[] = DEPLOY_FIELD_ENTRIES.map((field) => field.name);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Why a field value cannot be right, or undefined. */
function deployFieldProblem(name: DeployFieldName, value: string): string | undefined {
  if (value.trim() === '') return t('{0} needs a value.', name);
  switch (name) {
    case 'tenant':
      return GUID.test(value) || DOMAIN.test(value)
        ? undefined
        : t('tenant must be a tenant id (GUID) or a domain such as contoso.onmicrosoft.com, not "{0}".', value);
    case 'servicePrincipal':
      return GUID.test(value)
        ? undefined
        : t('servicePrincipal must be the enterprise application\'s object id (or its appId), a GUID, not "{0}".', value);
    case 'job':
      return /[\s/?#]/.test(value)
        ? t('job must be a synchronization job id such as "scim.0123456789abcdef0123456789abcdef", not "{0}".', value)
        : undefined;
  }
}

export function checkDeployStatements(file: MappingFile, sink: DiagnosticSink): void {
  const statements: DeployStatement[] = file.deploys ?? [];
  for (const statement of statements.slice(1)) {
    sink.report('duplicate-deploy-statement', statement.keyword, t('A file has one deploy statement; the first one applies.'));
  }
  const statement = statements[0];
  if (!statement) return;
  if (statement.fields.length === 0) {
    sink.report('invalid-deploy-target', statement.keyword, t('deploy needs at least one of tenant "…", servicePrincipal "…", job "…".'));
  }
  const seen = new Set<string>();
  for (const field of statement.fields) {
    const name = field.name.text;
    if (!(DEPLOY_FIELDS as readonly string[]).includes(name)) {
      const suggestions = suggestNames(name, DEPLOY_FIELDS);
      sink.report(
        'invalid-deploy-target',
        field.name,
        joinSentences(t("'{0}' is not a deploy field ({1}).", name, DEPLOY_FIELDS.join(', ')), didYouMean(suggestions)),
        { suggestions },
      );
      continue;
    }
    if (seen.has(name)) {
      sink.report('invalid-deploy-target', field.name, t('{0} is given twice in the deploy statement.', name));
      continue;
    }
    seen.add(name);
    const problem = deployFieldProblem(name as DeployFieldName, field.value.value);
    if (problem) sink.report('invalid-deploy-target', field.value, problem);
  }
}
