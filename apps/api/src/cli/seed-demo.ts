/**
 * `pnpm seed:demo`: fills the installation's database (DATABASE_URL, or the embedded
 * cluster under DATA_DIR with `pnpm start` stopped) with a demo office, and prints the
 * logins. Idempotent; refused when NODE_ENV=production.
 */
import { randomBytes } from 'node:crypto';
import { runMigrations } from '@acervo/persistence';
import { loadConfig, openDatabase } from '@acervo/runtime';
import { PasswordHasher } from '../common/password-hasher';
import { seedDemoOffice } from '../seed/demo-office';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.env === 'production') throw new Error('seed:demo is refused when NODE_ENV=production');
  // One fresh password for the users this run creates: never a known default.
  const password = randomBytes(9).toString('base64url');
  const { dataSource, close } = await openDatabase(config);
  try {
    await runMigrations(dataSource);
    const result = await seedDemoOffice(dataSource, await new PasswordHasher().hash(password));
    const lines = [
      'Escritório de demonstração pronto.',
      ...(result.processes ? [`Processos registrados: ${result.processes}.`] : []),
      ...(result.created.length
        ? [`Usuários criados (senha de todos: ${password}):`, ...result.created.map((u) => `  ${u}`)]
        : []),
      ...(result.existing.length
        ? ['Usuários que já existiam (senha inalterada):', ...result.existing.map((u) => `  ${u}`)]
        : []),
      'No primeiro acesso cada um cadastra o 2FA; os e-mails de ativação vão para SMTP_URL ou MAIL_DIR.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed:demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
