/**
 * Serves a FakeUpscope over real HTTP on the loopback interface, so clients
 * are tested with real sockets, headers and status codes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeRequest, FakeResponse } from './http';
import type { FakeUpscope } from './server';

export interface FakeUpscopeServer {
  /** e.g. `http://127.0.0.1:49152` */
  origin: string;
  /** origin + the fake's basePath, e.g. `http://127.0.0.1:49152/v1.1` */
  baseUrl: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function startFakeUpscopeServer(
  fake: FakeUpscope,
  options: { port?: number; host?: '127.0.0.1' } = {},
): Promise<FakeUpscopeServer> {
  // Loopback only: the fake accepts a well-known demo key and must never be reachable from the network.
  const host = '127.0.0.1';
  let origin = '';
  const server = createServer((req, res) => {
    void serve(fake, origin, req, res);
  });
  server.keepAliveTimeout = 1_000;

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    origin,
    baseUrl: origin + fake.basePath,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets (and requests parked in a fault delay) would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function serve(
  fake: FakeUpscope,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let response: FakeResponse;
  try {
    const body = await readBody(req);
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', origin).toString(),
      headers: flattenHeaders(req),
      body,
    };
    response = await fake.handle(request);
  } catch (err) {
    const tooLarge = err instanceof BodyTooLargeError;
    response = {
      status: tooLarge ? 413 : 500,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        status: 'error',
        error: tooLarge ? 'payload_too_large' : 'internal_server_error',
      }),
    };
  }

  if (response.delayMs && response.delayMs > 0) {
    const stillConnected = await waitUnlessClosed(res, response.delayMs);
    if (!stillConnected) return;
  }
  if (res.destroyed || res.writableEnded) return;

  if (response.drop) {
    req.socket.destroy();
    return;
  }
  res.writeHead(response.status, response.headers);
  res.end(response.bodyBytes ? Buffer.from(response.bodyBytes) : response.body);
}

class BodyTooLargeError extends Error {}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError());
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size === 0 ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Resolves true after `ms`, or false as soon as the client goes away. */
function waitUnlessClosed(res: ServerResponse, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    res.once('close', onClose);
  });
}
