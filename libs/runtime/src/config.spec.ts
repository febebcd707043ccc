import { ConfigError, loadConfig, requireDatabaseUrl } from './config';

describe(loadConfig.name, () => {
  it('gives working defaults for an empty environment', () => {
    const sut = loadConfig({});
    expect(sut).toMatchObject({
      env: 'development',
      port: 3000,
      appUrl: 'http://localhost:3000',
      database: { url: undefined, poolSize: 10, migrateOnStart: true },
      redisUrl: undefined,
      bootstrapAdmin: { username: 'admin', password: undefined, email: 'admin@localhost' },
      clockOffsetMs: 0,
    });
    expect(sut.dataDir).toMatch(/\/\.data$/);
    expect(sut.mail.dir).toBe(`${sut.dataDir}/mail`);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['SMTP_URL', 'localhost:25'],
    ['APP_URL', 'ftp://x'],
    ['BOOTSTRAP_ADMIN_PASSWORD', 'short'],
    ['BOOTSTRAP_ADMIN_EMAIL', 'nobody'],
    ['BOOTSTRAP_ADMIN_USERNAME', 'a b'],
    ['BOOTSTRAP_ADMIN_USERNAME', '529.982.247-25'],
    ['NODE_ENV', 'staging'],
    ['MIGRATE_ON_START', 'yes'],
    ['LOG_LEVEL', 'loud'],
    ['TRUST_PROXY', 'nginx'],
    ['TRUST_PROXY', '10.0.0.0/33'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', REDIS_URL: 'nope' });
      fail('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        expect.stringMatching(/^PORT /),
        expect.stringMatching(/^REDIS_URL /),
      ]);
    }
  });

  it('accepts as BOOTSTRAP_ADMIN_EMAIL what the default is: a domain without a dot', () => {
    expect(loadConfig({ BOOTSTRAP_ADMIN_EMAIL: 'admin@localhost' }).bootstrapAdmin.email).toBe('admin@localhost');
    expect(loadConfig({ BOOTSTRAP_ADMIN_EMAIL: 'ti@mpal' }).bootstrapAdmin.email).toBe('ti@mpal');
  });

  it('believes X-Forwarded-For from loopback only unless TRUST_PROXY says whose', () => {
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,uniquelocal' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'uniquelocal',
    ]);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ REDIS_URL: '', DATABASE_URL: '' })).toMatchObject({
      redisUrl: undefined,
      database: { url: undefined },
    });
  });

  it('derives APP_URL from PORT and strips a trailing slash', () => {
    expect(loadConfig({ PORT: '8080' }).appUrl).toBe('http://localhost:8080');
    expect(loadConfig({ APP_URL: 'https://acervo.mp.br/' }).appUrl).toBe('https://acervo.mp.br');
  });

  it('opens the benchmark endpoints only when asked, and never in production', () => {
    expect(loadConfig({}).benchEndpoints).toBe(false);
    expect(loadConfig({ BENCH_ENDPOINTS: 'true' }).benchEndpoints).toBe(true);
    expect(loadConfig({ BENCH_ENDPOINTS: 'true', NODE_ENV: 'production' }).benchEndpoints).toBe(false);
  });

  it('ignores CLOCK_OFFSET_MS in production', () => {
    expect(loadConfig({ CLOCK_OFFSET_MS: '86400000' }).clockOffsetMs).toBe(86_400_000);
    expect(loadConfig({ CLOCK_OFFSET_MS: '86400000', NODE_ENV: 'production' }).clockOffsetMs).toBe(0);
  });

  it('demands DATABASE_URL where no launcher provides one', () => {
    expect(() => requireDatabaseUrl(loadConfig({}))).toThrow(/DATABASE_URL/);
    expect(requireDatabaseUrl(loadConfig({ DATABASE_URL: 'postgres://u:p@h/db' }))).toBe('postgres://u:p@h/db');
  });
});
