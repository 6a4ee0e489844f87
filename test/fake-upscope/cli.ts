/**
 * Standalone fake Upscope API for trying the extension without a real key.
 *
 *   npx tsx test/fake-upscope/cli.ts [--port 8787] [--latency 100] [--watch-origin self|<url>]
 *
 * `--watch-origin self` makes watch URLs point at this server, so opening one
 * shows a page instead of a DNS error.
 */
import { parseArgs } from 'node:util';
import { DEMO_API_KEY, FakeUpscope } from './server';
import { startFakeUpscopeServer } from './node-server';

function fail(message: string): never {
  console.error(`fake-upscope: ${message}`);
  console.error(
    'usage: npx tsx test/fake-upscope/cli.ts [--port 8787] [--latency 100] [--watch-origin self|<url>]',
  );
  process.exit(2);
}

function parseNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

async function main(): Promise<void> {
  let values: { port?: string; latency?: string; 'watch-origin'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        latency: { type: 'string' },
        'watch-origin': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    console.log(
      'usage: npx tsx test/fake-upscope/cli.ts [--port 8787] [--latency 100] [--watch-origin self|<url>]',
    );
    return;
  }

  const port = parseNumber('port', values.port, 8787);
  const latencyMs = parseNumber('latency', values.latency, 0);
  const watchOriginArg = values['watch-origin'];
  let watchOrigin: string | undefined;
  if (watchOriginArg && watchOriginArg !== 'self') {
    try {
      watchOrigin = new URL(watchOriginArg).origin;
    } catch {
      fail(`--watch-origin must be "self" or a URL, got "${watchOriginArg}"`);
    }
  }

  const fake = new FakeUpscope({ latencyMs, ...(watchOrigin ? { watchOrigin } : {}) });
  const server = await startFakeUpscopeServer(fake, { port });
  if (watchOriginArg === 'self') fake.watchOrigin = server.origin;

  console.log(`Fake Upscope API listening on ${server.baseUrl}`);
  console.log(`API key:        ${DEMO_API_KEY}`);
  console.log(
    `Visitors:       ${fake.visitors.length} (try ${server.baseUrl}/list.json?search=online)`,
  );
  console.log(`Watch URLs:     ${fake.watchOrigin}/?session=...`);
  if (latencyMs > 0) console.log(`Latency:        ${latencyMs} ms per API request`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping fake Upscope API`);
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') fail('that port is already in use; pick another with --port');
  console.error(err);
  process.exit(1);
});
