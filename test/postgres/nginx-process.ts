/** nginx (Debian's package) on loopback in front of app instances, with the repository's proxy settings. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROXY_CONF = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../deploy/nginx/isrc-registry-proxy.conf');

export interface NginxProcess {
  readonly baseUrl: string;
  stop(): Promise<void>;
}

/** Starts nginx on `port`, round-robin over `upstreams` (host:port), including deploy/nginx/isrc-registry-proxy.conf. */
export async function startNginx(port: number, upstreams: readonly string[]): Promise<NginxProcess> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-nginx-'));
  // Workers may run as `nobody` when the test runs as root: let them use the temp folders.
  fs.chmodSync(prefix, 0o777);
  const conf = [
    `pid ${prefix}/nginx.pid;`,
    'worker_processes 1;',
    `error_log ${prefix}/error.log warn;`,
    'events { worker_connections 256; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${prefix}/${t};`),
    `  upstream isrc_registry { ${upstreams.map((u) => `server ${u};`).join(' ')} keepalive 8; }`,
    `  server { listen 127.0.0.1:${port}; include ${PROXY_CONF}; }`,
    '}',
  ].join('\n');
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf);
  const child: ChildProcess = spawn('nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'error.log'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`nginx exited (${child.exitCode}): ${stderr}${fs.existsSync(`${prefix}/error.log`) ? fs.readFileSync(`${prefix}/error.log`, 'utf8') : ''}`);
    }
    try {
      await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        throw new Error(`nginx did not listen on ${port}: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    baseUrl,
    stop: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGQUIT');
      await exited;
      process.removeListener('exit', killOnExit);
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}
