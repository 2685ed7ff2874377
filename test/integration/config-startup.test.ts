import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function startWith(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const dropped = new Set(['DATABASE_URL', 'DATA_DIR', 'DEMO', 'PORT', 'LOG_FORMAT']);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !dropped.has(name)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: REPO_ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('start-up with wrong settings', () => {
  it('prints one line for each wrong or missing setting and exits 1, before touching any database', async () => {
    const { code, stderr } = await startWith({
      PORT: 'eighty',
      LOG_FORMAT: 'pretty',
      STORAGE: 's3',
      S3_ENDPOINT: 'https://s3.example.org',
      METRICS_ALLOW: 'everyone',
      DATA_DIR: '/nonexistent/never-created',
    });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toBe('Cannot start: 6 settings are wrong or missing:');
    const problems = lines.slice(1);
    for (const name of ['PORT', 'LOG_FORMAT', 'S3_BUCKET', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'METRICS_ALLOW']) {
      expect(
        problems.filter((line) => line.startsWith(`  - `) && line.includes(name)),
        name,
      ).toHaveLength(1);
    }
    expect(problems).toHaveLength(6);
  });
});
