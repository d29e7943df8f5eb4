/**
 * Access tokens for the CLI: `AADMAP_GRAPH_TOKEN` when set (CI pipelines that already hold one), else
 * @azure/identity — environment credentials (client secret or certificate), workload identity
 * federation (a federated token file: AZURE_FEDERATED_TOKEN_FILE, as Kubernetes and CI pipelines provide;
 * https://learn.microsoft.com/en-us/entra/workload-id/workload-identity-federation), the Azure CLI's
 * login, then a device code on interactive terminals. @azure/identity is loaded only here and only when
 * needed; it stays out of the bundles (esbuild marks it external; see esbuild.mjs).
 */
import { t } from '../../grammar/common/l10n';
import type { CliIO } from './io';

export interface TokenProviderOptions {
  endpoint: string;
  tenant?: string;
  io: CliIO;
  env?: NodeJS.ProcessEnv;
}

export function createTokenProvider({
  endpoint,
  tenant,
  io,
  env = process.env,
}: TokenProviderOptions): (signal: AbortSignal) => Promise<string> {
  const fixed = env['AADMAP_GRAPH_TOKEN']?.trim();
  if (fixed) return async () => fixed;
  const scope = `${new URL(endpoint).origin}/.default`;
  let credential:
    | Promise<{ getToken(scopes: string, options: { abortSignal?: AbortSignal }): Promise<{ token: string } | null> }>
    | undefined;
  return async (signal) => {
    credential ??= createCredential(tenant, io, env);
    const token = await (await credential).getToken(scope, { abortSignal: signal });
    if (!token)
      throw new Error(
        t(
          'No access token: sign in with `az login`, set AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET (or AZURE_FEDERATED_TOKEN_FILE), or set AADMAP_GRAPH_TOKEN.',
        ),
      );
    return token.token;
  };
}

async function createCredential(tenant: string | undefined, io: CliIO, env: NodeJS.ProcessEnv) {
  let identity: typeof import('@azure/identity');
  try {
    identity = await import('@azure/identity');
  } catch {
    throw new Error(t('Signing in needs the @azure/identity package (npm install @azure/identity), or set AADMAP_GRAPH_TOKEN.'));
  }
  const tenantId = tenant ?? env['AZURE_TENANT_ID'];
  const chain = [];
  if (env['AZURE_CLIENT_ID'] && env['AZURE_TENANT_ID'] && (env['AZURE_CLIENT_SECRET'] || env['AZURE_CLIENT_CERTIFICATE_PATH']))
    chain.push(new identity.EnvironmentCredential());
  // Passed explicitly, not read by the credential: `env` is what this function was given.
  const tokenFilePath = env['AZURE_FEDERATED_TOKEN_FILE'];
  const clientId = env['AZURE_CLIENT_ID'];
  if (tokenFilePath && clientId && tenantId) chain.push(new identity.WorkloadIdentityCredential({ tenantId, clientId, tokenFilePath }));
  chain.push(new identity.AzureCliCredential(tenantId ? { tenantId } : {}));
  if (process.stdin.isTTY && process.stderr.isTTY) {
    chain.push(
      new identity.DeviceCodeCredential({ ...(tenantId ? { tenantId } : {}), userPromptCallback: (info) => io.err(info.message) }),
    );
  }
  return new identity.ChainedTokenCredential(...chain);
}
