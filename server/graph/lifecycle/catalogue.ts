/**
 * What aadmap says about the service's states and error codes: one catalogue the CLI, the language
 * server and the VS Code views all read. Sources: "Application provisioning in quarantine status"
 * (https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-quarantine-status),
 * "Enable accidental deletions prevention" (…/app-provisioning/accidental-deletions), the
 * synchronizationQuarantine resource (https://learn.microsoft.com/graph/api/resources/synchronization-synchronizationquarantine)
 * and "Understand how provisioning integrates with Azure Monitor logs / analyze provisioning logs"
 * (https://learn.microsoft.com/entra/identity/monitoring-health/howto-analyze-provisioning-logs).
 */
import { t } from '../../../grammar/common/l10n';

export interface Explanation {
  /** One line: what happened. */
  explanation: string;
  /** One line: what to do. */
  fix: string;
}

/** The eight documented synchronizationQuarantine reasons. */
export const QUARANTINE_REASONS: Readonly<Record<string, Explanation>> = {
  EncounteredBaseEscrowThreshold: {
    explanation: 'Too many provisioning operations failed in a row (the base escrow threshold was reached).',
    fix: 'Read the failures with `aadmap logs --status failure`, fix their cause (mapping, credentials, target), then `aadmap restart`.',
  },
  EncounteredTotalEscrowThreshold: {
    explanation: 'The total number of failed operations exceeded the service limit (40,000, reference failures excluded).',
    fix: 'Fix the most frequent error codes shown by `aadmap logs`, then `aadmap restart` to clear the escrows and the quarantine.',
  },
  EncounteredEscrowProportionThreshold: {
    explanation: 'More than 40% of the provisioning events failed.',
    fix: 'Fix the failures grouped by `aadmap logs` (often one mapping or a target-side rule), then `aadmap restart`.',
  },
  EncounteredQuarantineException: {
    explanation: 'The service could not connect to the application: the admin credentials are invalid or the endpoint is unreachable.',
    fix: 'Update the credentials in the portal (Provisioning > Admin credentials), check them with `aadmap test-connection`, then `aadmap start`.',
  },
  Unknown: {
    explanation: 'The service did not say why the job is in quarantine.',
    fix: 'Look at the quarantine error and the provisioning logs; if nothing explains it, restart once, then contact Microsoft support.',
  },
  QuarantinedOnDemand: {
    explanation: 'Microsoft quarantined the job manually.',
    fix: 'Contact Microsoft support before restarting.',
  },
  TooManyDeletes: {
    explanation: 'A cycle would delete or disable more accounts than the accidental-deletion threshold allows; those deletes are held.',
    fix: 'Review the held deletes (`aadmap logs --action stagedDelete`). If they are expected, release them with `aadmap restart --force-deletes`; if not, fix the cause (assignments, scoping filter, mapping) and `aadmap restart`.',
  },
  IngestionInterrupted: {
    explanation: 'The service stopped reading changes from the source (ingestion was interrupted).',
    fix: 'Check the source system and the credentials, then `aadmap restart`.',
  },
};

export function explainQuarantine(reason: string): Explanation {
  return QUARANTINE_REASONS[reason] ?? QUARANTINE_REASONS.Unknown!;
}

/**
 * Recommended actions for the provisioning error codes that the logs page documents; the service's
 * own `recommendedAction` wins when it sends one.
 */
export const LOG_ERROR_ACTIONS: Readonly<Record<string, string>> = {
  SchemaAttributeNotFound: 'The target does not know this attribute: remove its mapping or correct the target attribute name.',
  MandatoryFieldsMissing: 'The target requires an attribute that was empty or not mapped: map it, or give the mapping a default value.',
  MissingValues: 'The target requires an attribute that was empty or not mapped: map it, or give the mapping a default value.',
  SchemaPropertyCanOnlyAcceptValue:
    'The target accepts only certain values for this attribute: change the mapping so it sends one of them.',
  DuplicateTargetEntries: 'Several target accounts match this user: make the matching attribute unique in the target.',
  DuplicateSourceEntries: 'Several source users have the same matching value: make the matching attribute unique in Entra ID.',
  EntryConflict:
    'The matching attribute is not unique in the target, or the account was created outside provisioning: fix the conflicting account.',
  Conflict: 'The target reports a uniqueness conflict: fix the conflicting value or account in the target.',
  InvalidAnchor: 'The account the service created no longer exists in the target: restart provisioning.',
  InsufficientRights: 'The admin credentials lack a permission in the target: update them.',
  Unauthorized: 'The target rejected the admin credentials: update them and run `aadmap test-connection`.',
  TooManyRequests: 'The target throttled the service: the operation is retried automatically.',
  LicenseLimitExceeded: 'The target application has no free licence: free or buy licences in the target.',
  InvalidDomain: 'A value contains a domain the target does not accept: change the mapping (e.g. Replace) or register the domain.',
  Timeout: 'The target did not answer in time: the operation is retried automatically.',
};

/** Error codes that concern the attribute they name (in the reason) or the modified properties of the record. */
export const ATTRIBUTE_ERROR_CODES = new Set([
  'SchemaAttributeNotFound',
  'MandatoryFieldsMissing',
  'MissingValues',
  'SchemaPropertyCanOnlyAcceptValue',
  'DuplicateTargetEntries',
  'EntryConflict',
  'Conflict',
  'InvalidDomain',
]);

/**
 * restart's resetScope values (synchronizationJobRestartCriteria). `None` and `ConnectorDataStore`
 * are documented as "do not use" and are never sent.
 */
export const RESET_SCOPES = ['Escrows', 'Watermark', 'QuarantineState', 'Full', 'ForceDeletes'] as const;
export type ResetScope = (typeof RESET_SCOPES)[number];
export const FORBIDDEN_RESET_SCOPES = ['None', 'ConnectorDataStore'] as const;

export const RESET_SCOPE_EFFECTS: Readonly<Record<ResetScope, string>> = {
  Escrows: 'stops retrying the failed (escrowed) operations',
  Watermark: 'evaluates every user again instead of the changes only',
  QuarantineState: 'lifts the quarantine',
  Full: 'clears everything, including the links between source and target accounts: every user is matched again as if new',
  ForceDeletes: 'releases the deletes held by accidental-deletion prevention: those accounts are deleted or disabled in the target',
};

/** A mapping change needs no restart (https://learn.microsoft.com/entra/identity/app-provisioning/how-provisioning-works). */
export function afterDeployNote(): string {
  return t(
    'A change of attribute mappings or scoping filters starts a new initial cycle by itself (all users are evaluated again): no restart is needed.',
  );
}

/**
 * The heading of the provision report's differences from aadmap's preview: the report writes it, the
 * editor finds it to highlight the lines under it (both in the user's language).
 */
export function differencesHeading(count: number): string {
  return t("Differences from aadmap's preview ({0}):", count);
}

/** `name: old → new` of a modified property, `(none)` for a missing value (the logs, the provision report, the editor's records). */
export function modifiedPropertyLine(p: { name: string; old: string | null; new: string | null }): string {
  const none = t('(none)');
  return `${p.name}: ${p.old ?? none} → ${p.new ?? none}`;
}
