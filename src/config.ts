// Environment -> typed config, validated once at start (DESIGN.md "Config").
// Production refuses insecure defaults; messages say which variable is wrong and how to fix it.
import { dirname, join, resolve } from 'node:path';

export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  sessionSecret: string;
  cookieSecure: boolean;
  seedDemoOnFirstStart: boolean;
  logLevel: string;
  /** Show one-time codes of the development outbox on a page. Never in production. */
  devOutbox: boolean;
  bodyLimitBytes: number;
  /** Where attachments are stored (content-addressed by SHA-256). */
  filesDir: string;
  maxUploadBytes: number;
  /** The address residents reach the platform at; QR codes on paper postings link to it. */
  publicUrl: string;
  /** How long anonymous GET responses may be served again (ms); 0 turns the cache off. */
  microcacheMs: number;
};

export const DEV_SECRET = 'danchu-development-secret-change-me';

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const mode = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';

  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
    problems.push(`PORT="${portText}" không hợp lệ: cần một số từ 0 đến 65535 (PORT must be 0–65535).`);
  }

  const databaseUrl = env.DATABASE_URL ?? `sqlite:${resolve('data', 'danchu.sqlite')}`;
  let dialect: Config['dialect'] = 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) dialect = 'postgres';
  else if (!databaseUrl.startsWith('sqlite:')) {
    problems.push(`DATABASE_URL="${databaseUrl}" không hợp lệ: dùng "sqlite:/đường/dẫn/tệp.sqlite" hoặc "postgres://…" (use sqlite:PATH or postgres://…).`);
  }

  const sessionSecret = env.SESSION_SECRET ?? DEV_SECRET;
  const cookieSecure = parseBool(env.COOKIE_SECURE, mode === 'production', 'COOKIE_SECURE', problems);
  if (mode === 'production') {
    if (sessionSecret === DEV_SECRET || sessionSecret.length < 32) {
      problems.push('SESSION_SECRET phải được đặt, dài ít nhất 32 ký tự, khi chạy production (set a random SESSION_SECRET of 32+ characters).');
    }
    if (!cookieSecure) problems.push('COOKIE_SECURE=false bị từ chối trong production: cookie phải có Secure (production requires secure cookies).');
  }

  if (env.PUBLIC_URL && !/^https?:\/\/[^/]+/.test(env.PUBLIC_URL)) problems.push(`PUBLIC_URL="${env.PUBLIC_URL}" phải bắt đầu bằng http:// hoặc https://.`);
  if (mode === 'production' && !env.PUBLIC_URL) problems.push('PUBLIC_URL phải được đặt trong production (mã QR trên bản niêm yết dẫn về địa chỉ này).');
  if (env.MICROCACHE_MS !== undefined && !/^\d+$/.test(env.MICROCACHE_MS))
    problems.push(`MICROCACHE_MS="${env.MICROCACHE_MS}" phải là số mili giây (0 để tắt).`);
  const bodyLimitKb = Number(env.BODY_LIMIT_KB ?? '1024');
  if (!Number.isFinite(bodyLimitKb) || bodyLimitKb < 16) problems.push('BODY_LIMIT_KB phải là số ≥ 16.');

  const uploadMb = Number(env.MAX_UPLOAD_MB ?? '20');
  if (!Number.isFinite(uploadMb) || uploadMb <= 0) problems.push('MAX_UPLOAD_MB phải là số dương.');
  const sqliteDir = dialect === 'sqlite' && !databaseUrl.endsWith(':memory:') ? dirname(databaseUrl.replace(/^sqlite:/, '')) : resolve('data');

  const config: Config = {
    env: mode,
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dialect,
    sessionSecret,
    cookieSecure,
    seedDemoOnFirstStart: parseBool(env.SEED_DEMO, mode !== 'production', 'SEED_DEMO', problems),
    logLevel: env.LOG_LEVEL ?? (mode === 'test' ? 'silent' : 'info'),
    devOutbox: mode !== 'production',
    bodyLimitBytes: bodyLimitKb * 1024,
    filesDir: env.FILES_DIR ?? join(sqliteDir, 'files'),
    maxUploadBytes: Math.round(uploadMb * 1024 * 1024),
    microcacheMs: Number(env.MICROCACHE_MS ?? (mode === 'test' ? '0' : '2000')),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
  };
  if (problems.length) throw new ConfigError(`Cấu hình không hợp lệ (invalid configuration):\n- ${problems.join('\n- ')}`);
  return config;
}

function parseBool(value: string | undefined, fallback: boolean, name: string, problems: string[]): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(value.toLowerCase())) return false;
  problems.push(`${name}="${value}" không hợp lệ: dùng true hoặc false.`);
  return fallback;
}
