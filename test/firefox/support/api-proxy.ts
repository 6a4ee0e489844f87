import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';

export interface ApiProxy {
  /** The proxy's port on 127.0.0.1, for Firefox's network.proxy.* prefs. */
  port: number;
  /** host:port of every CONNECT refused, i.e. traffic that would otherwise have left the machine. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * An HTTPS proxy for Firefox that answers for the given hosts from a local plain-HTTP server and
 * refuses everything else.
 *
 * Why not WebDriver BiDi request interception, as for the helpdesk page: Firefox reports only
 * requests that belong to a tab, so the extension's background page talks to the network unseen
 * (remote/webdriver-bidi/modules/root/network.sys.mjs drops events without a browsing context).
 * A proxy sees every request. TLS is terminated here with a throwaway self-signed certificate
 * that Firefox accepts because the session asks for acceptInsecureCerts.
 */
export async function startApiProxy(hosts: string[], upstreamPort: number): Promise<ApiProxy> {
  const { key, cert } = selfSignedCertificate(hosts);
  const allowed = new Set(hosts.map((host) => `${host}:443`));
  const refused: string[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    refused.push(req.headers.host ?? '?');
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (!allowed.has(req.url ?? '')) {
      refused.push(req.url ?? '?');
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    // eslint-disable-next-line no-restricted-syntax -- a TCP socket, not a document
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    // No ALPN: Firefox speaks HTTP/1.1 inside the tunnel, which the upstream server understands.
    const tls = new TLSSocket(socket, { isServer: true, key, cert });
    const upstream = connect(upstreamPort, '127.0.0.1');
    tls.on('error', () => upstream.destroy());
    upstream.on('error', () => tls.destroy());
    tls.pipe(upstream).pipe(tls);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function selfSignedCertificate(hosts: string[]): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'cobrowse-ff-cert-'));
  try {
    // P-256 keys are generated in milliseconds, unlike RSA.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${hosts[0]}`,
        '-addext',
        `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
