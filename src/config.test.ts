import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_SECRET, loadConfig } from './config.js';

describe('config: validated once at start', () => {
  it('defaults: port 3000, SQLite under ./data, demo on', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dialect).toBe('sqlite');
    expect(c.databaseUrl).toMatch(/data[/\\]danchu\.sqlite$/);
    expect(c.seedDemoOnFirstStart).toBe(true);
  });
  it('outside production the server listens on 127.0.0.1 (demo TOTP and outbox codes stay on this machine); HOST overrides', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'test' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    const prod = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://x.gov.vn', DATA_KEY: Buffer.alloc(32, 9).toString('base64') };
    expect(loadConfig(prod).host).toBe('0.0.0.0');
    expect(loadConfig({ ...prod, HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
  });
  it('postgres:// selects PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).dialect).toBe('postgres');
  });
  it('a bad PORT or DATABASE_URL is refused with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT="abc"/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
  it('production refuses the default secret and insecure cookies', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: DEV_SECRET })).toThrow(/SESSION_SECRET/);
    const secret = 'x'.repeat(40);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, COOKIE_SECURE: 'false' })).toThrow(/COOKIE_SECURE/);
    const DATA_KEY = Buffer.alloc(32, 9).toString('base64');
    const ok = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, PUBLIC_URL: 'https://danchu.thainguyen.gov.vn', DATA_KEY });
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, DATA_KEY })).toThrow(/PUBLIC_URL/);
    // R-H4: a denouncer's identity is never sealed with the key published in the source.
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, PUBLIC_URL: 'https://x.vn' })).toThrow(/DATA_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, PUBLIC_URL: 'https://x.vn', DATA_KEY: 'c2hvcnQ=' })).toThrow(/DATA_KEY/);
    expect(ok.dataKey.equals(Buffer.alloc(32, 9))).toBe(true);
    expect(ok.cookieSecure).toBe(true);
    expect(ok.devOutbox).toBe(false);
    expect(ok.seedDemoOnFirstStart).toBe(false);
  });
});
