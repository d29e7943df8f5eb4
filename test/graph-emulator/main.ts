/**
 * `npm run emulator [-- --port N]`: starts the Graph emulator, seeded with the Chatwork schema, and
 * prints how to point aadmap at it. Stops on Ctrl+C.
 */
import { GraphEmulator, SEED } from './emulator';

async function main(): Promise<void> {
  const portArg = process.argv.indexOf('--port');
  const port = portArg >= 0 ? Number(process.argv[portArg + 1]) : 8787;
  const emulator = GraphEmulator.seeded();
  const url = await emulator.start(port);
  process.stdout.write(
    [
      `Graph emulator on ${url} (API ${url}/v1.0)`,
      `  token              ${SEED.token}   (any other token gets 401)`,
      `  service principal  ${SEED.servicePrincipalId} (${SEED.displayName}; appId ${SEED.appId})`,
      `  job                ${SEED.jobId}`,
      '',
      'Try:',
      `  AADMAP_GRAPH_TOKEN=${SEED.token} npx aadmap pull --service-principal ${SEED.servicePrincipalId} --graph-endpoint ${url} --out chatwork-live.aadmap`,
      `  AADMAP_GRAPH_TOKEN=${SEED.token} npx aadmap deploy chatwork-live.aadmap --graph-endpoint ${url} --dry-run`,
      `  AADMAP_GRAPH_TOKEN=${SEED.token} npx aadmap status chatwork-live.aadmap --graph-endpoint ${url}`,
      `  AADMAP_GRAPH_TOKEN=${SEED.token} npx aadmap logs chatwork-live.aadmap --graph-endpoint ${url}`,
      `  AADMAP_GRAPH_TOKEN=${SEED.token} npx aadmap provision chatwork-live.aadmap --user bob@contoso.com --graph-endpoint ${url}`,
      '',
    ].join('\n'),
  );
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
