import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The secrets a single-machine installation needs, made once and kept in
 * DATA_DIR/secrets.json (mode 600), so `pnpm start` works with no configuration and
 * sessions survive restarts. Variables set in the environment take precedence.
 */
export async function installationSecrets(dataDir: string): Promise<Record<string, string>> {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
  const secrets = {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    TOTP_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
