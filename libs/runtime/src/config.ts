import { resolve } from 'node:path';
import { readsAsCpf } from '@acervo/domain';
import { z } from 'zod';
import { compile as compileProxyAddresses } from 'proxy-addr';

const urlWithScheme = (schemes: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return schemes.includes(new URL(value).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      },
      { message: `must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}` },
    );

const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const flag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

/** Every environment variable Acervo reads; the README's table mirrors this. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().trim().min(1).default('./.data'),
  DATABASE_URL: optional(urlWithScheme(['postgres', 'postgresql'])),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  MIGRATE_ON_START: optional(flag),
  REDIS_URL: optional(urlWithScheme(['redis', 'rediss'])),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,32}$/, 'must be 1–32 lowercase letters, digits, dashes or underscores')
    .default('acervo'),
  SMTP_URL: optional(urlWithScheme(['smtp', 'smtps'])),
  MAIL_DIR: optional(z.string().trim().min(1)),
  MAIL_FROM: z.string().trim().min(3).default('Acervo <nao-responda@localhost>'),
  APP_URL: optional(urlWithScheme(['http', 'https'])),
  WEB_DIR: optional(z.string().trim().min(1)),
  BOOTSTRAP_ADMIN_USERNAME: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{3,64}$/, 'must be 3–64 letters, digits, dots, dashes or underscores')
    // Sign-in takes a username or a CPF: digits alone would read as a CPF.
    .refine((v) => !readsAsCpf(v), 'must have a letter (digits alone read as a CPF)')
    .default('admin'),
  BOOTSTRAP_ADMIN_PASSWORD: optional(z.string().min(12, 'must have at least 12 characters')),
  // The browser's rule for an e-mail field: a domain without a dot (the default) is an address too.
  BOOTSTRAP_ADMIN_EMAIL: z
    .email({ pattern: z.regexes.html5Email, error: 'must be an e-mail address' })
    .default('admin@localhost'),
  JWT_SECRET: optional(z.string().min(32, 'must have at least 32 characters')),
  TOTP_ENCRYPTION_KEY: optional(
    z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)'),
  ),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  LINK_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(60),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
  BENCH_ENDPOINTS: optional(flag),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .string()
    .trim()
    .default('loopback')
    .transform((v, ctx): TrustProxy => {
      if (v === 'false') return false;
      if (/^\d+$/.test(v)) return Number(v);
      const list = v.split(',').map((a) => a.trim());
      try {
        compileProxyAddresses(list); // Express's own parser: what it would refuse at the first request
        return list;
      } catch (e) {
        ctx.addIssue({
          code: 'custom',
          message: `must be false, a number of hops, or addresses, subnets, loopback, linklocal or uniquelocal separated by commas (${(e as Error).message})`,
        });
        return z.NEVER;
      }
    }),
});

/**
 * Whose `X-Forwarded-For` is believed (Express's `trust proxy`): nobody's (false), the
 * nearest N hops, or the proxies at these addresses. The client address it yields is the one
 * rate limits, lockouts and logs use.
 */
export type TrustProxy = false | number | string[];

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  dataDir: string;
  database: { url?: string; poolSize: number; migrateOnStart: boolean };
  redisUrl?: string;
  /** Prefix of every queue key, so installations (or test files) can share one Redis. */
  queuePrefix: string;
  mail: { smtpUrl?: string; dir: string; from: string };
  appUrl: string;
  webDir?: string;
  bootstrapAdmin: { username: string; password?: string; email: string };
  auth: {
    jwtSecret?: string;
    /** AES-256 key for TOTP secrets at rest. */
    totpKey?: Buffer;
    accessTtlSeconds: number;
    sessionTtlDays: number;
    linkTtlMinutes: number;
    /** Requests per client address per minute on /auth (generous: an office shares one NAT address). */
    rateLimitPerMinute: number;
  };
  /** Shift of the server clock, for end-to-end tests of deadlines; always 0 in production. */
  clockOffsetMs: number;
  /** `pnpm bench`'s baseline and query counter (GET /bench/…); always false in production. */
  benchEndpoints: boolean;
  logLevel: string;
  trustProxy: TrustProxy;
}

/** Raised when the environment cannot make a valid configuration; names each variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment into the typed configuration; the only reader of process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    dataDir,
    database: {
      url: e.DATABASE_URL,
      poolSize: e.DB_POOL_SIZE,
      migrateOnStart: e.MIGRATE_ON_START ?? true,
    },
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    mail: {
      smtpUrl: e.SMTP_URL,
      dir: resolve(e.MAIL_DIR ?? `${dataDir}/mail`),
      from: e.MAIL_FROM,
    },
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    webDir: e.WEB_DIR ? resolve(e.WEB_DIR) : undefined,
    bootstrapAdmin: {
      username: e.BOOTSTRAP_ADMIN_USERNAME,
      password: e.BOOTSTRAP_ADMIN_PASSWORD,
      email: e.BOOTSTRAP_ADMIN_EMAIL,
    },
    auth: {
      jwtSecret: e.JWT_SECRET,
      totpKey: e.TOTP_ENCRYPTION_KEY ? Buffer.from(e.TOTP_ENCRYPTION_KEY, 'base64') : undefined,
      accessTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      sessionTtlDays: e.SESSION_TTL_DAYS,
      linkTtlMinutes: e.LINK_TTL_MINUTES,
      rateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    },
    clockOffsetMs: e.NODE_ENV === 'production' ? 0 : e.CLOCK_OFFSET_MS,
    benchEndpoints: e.NODE_ENV !== 'production' && (e.BENCH_ENDPOINTS ?? false),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
  };
}

/** The database URL, or a ConfigError saying how to get one. */
export function requireDatabaseUrl(config: AppConfig): string {
  if (!config.database.url) {
    throw new ConfigError([
      'DATABASE_URL is required here (pnpm start provides an embedded PostgreSQL when it is unset)',
    ]);
  }
  return config.database.url;
}

/** The signing and encryption secrets, or a ConfigError naming the missing ones. */
export function requireAuthSecrets(config: AppConfig): { jwtSecret: string; totpKey: Buffer } {
  const { jwtSecret, totpKey } = config.auth;
  const missing = [
    ...(jwtSecret ? [] : ['JWT_SECRET is required (pnpm start generates one in DATA_DIR/secrets.json)']),
    ...(totpKey ? [] : ['TOTP_ENCRYPTION_KEY is required (pnpm start generates one in DATA_DIR/secrets.json)']),
  ];
  if (missing.length) throw new ConfigError(missing);
  return { jwtSecret: jwtSecret!, totpKey: totpKey! };
}
