/** Where a file deploys: its `deploy` statement, overridden by command-line flags or editor choices. */
import type { MappingFile } from '../../grammar/mapping/ast';
import { DEPLOY_FIELDS, type DeployFieldName } from '../checker/mapping/rules/deploy';

export type DeployTarget = Partial<Record<DeployFieldName, string>>;

/** The fields of the file's first deploy statement (unknown and repeated fields are the checker's business). */
export function readDeployTarget(file: MappingFile): DeployTarget {
  const target: DeployTarget = {};
  for (const field of file.deploys?.[0]?.fields ?? []) {
    const name = field.name.text as DeployFieldName;
    if ((DEPLOY_FIELDS as readonly string[]).includes(name) && target[name] === undefined && field.value.value !== '')
      target[name] = field.value.value;
  }
  return target;
}

/** `overrides` win over the file; empty strings count as not given. */
export function mergeDeployTargets(fromFile: DeployTarget, overrides: DeployTarget): DeployTarget {
  const merged: DeployTarget = { ...fromFile };
  for (const name of DEPLOY_FIELDS) if (overrides[name]) merged[name] = overrides[name];
  return merged;
}
