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
  /** AES-256-GCM key for sealed personal data (a denouncer's identity, R-H4): 32 bytes. */
  dataKey: Buffer;
  /** Notification channels (issue 5 item 8); a channel left unset is off (in development its
   * messages go to the development outbox page instead). */
  sms: { url: string; token: string; sender: string } | null;
  zalo: { url: string; accessToken: string; templateId: string } | null;
  /** smtp://user:pass@host:port or smtps://…; mailFrom is the sender address. */
  smtp: { url: string; from: string } | null;
  /** Shared secrets: the mail gateway posting e-mailed feedback, and the province's one-stop system. */
  inboundMailSecret: string | null;
  oneStopSecret: string | null;
  /** Submissions and ratings allowed per client address per minute (spam bursts, rating stuffing). */
  intakePerMinute: number;
  /** Behind a reverse proxy: which proxy to trust for the client address (Fastify trustProxy). */
  trustProxy: boolean | string;
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
  const dataKey = parseDataKey(env.DATA_KEY, mode, problems);
  const intakePerMinute = Number(env.INTAKE_PER_MINUTE ?? '20');
  if (!Number.isInteger(intakePerMinute) || intakePerMinute < 1) problems.push('INTAKE_PER_MINUTE phải là số nguyên dương.');
  for (const name of ['SMS_GATEWAY_URL', 'ZALO_API_URL']) {
    if (env[name] && !/^https?:\/\/[^/]+/.test(env[name] ?? '')) problems.push(`${name}="${env[name]}" phải bắt đầu bằng http:// hoặc https://.`);
  }
  if (env.SMTP_URL && !/^smtps?:\/\/[^/]+/.test(env.SMTP_URL)) problems.push(`SMTP_URL="${env.SMTP_URL}" phải có dạng smtp://người-dùng:mật-khẩu@máy:cổng.`);
  if (env.ZALO_API_URL && !(env.ZALO_ACCESS_TOKEN && env.ZALO_TEMPLATE_ID)) problems.push('ZALO_API_URL cần cả ZALO_ACCESS_TOKEN và ZALO_TEMPLATE_ID.');
  const sqliteDir = dialect === 'sqlite' && !databaseUrl.endsWith(':memory:') ? dirname(databaseUrl.replace(/^sqlite:/, '')) : resolve('data');

  const config: Config = {
    env: mode,
    port,
    // Outside production the sign-in page shows demo officials' TOTP codes and /dev/outbox residents'
    // codes: listen on this machine only unless HOST says otherwise.
    host: env.HOST ?? (mode === 'production' ? '0.0.0.0' : '127.0.0.1'),
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
    dataKey,
    sms: env.SMS_GATEWAY_URL ? { url: env.SMS_GATEWAY_URL, token: env.SMS_GATEWAY_TOKEN ?? '', sender: env.SMS_SENDER ?? 'DANCHU' } : null,
    zalo: env.ZALO_API_URL ? { url: env.ZALO_API_URL, accessToken: env.ZALO_ACCESS_TOKEN ?? '', templateId: env.ZALO_TEMPLATE_ID ?? '' } : null,
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.MAIL_FROM ?? 'Dân chủ cơ sở <no-reply@localhost>' } : null,
    inboundMailSecret: env.INBOUND_MAIL_SECRET || null,
    oneStopSecret: env.ONE_STOP_SECRET || null,
    intakePerMinute,
    trustProxy: env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY && env.TRUST_PROXY !== 'false' ? env.TRUST_PROXY : false,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
  };
  if (problems.length) throw new ConfigError(`Cấu hình không hợp lệ (invalid configuration):\n- ${problems.join('\n- ')}`);
  return config;
}

/** The development key is fixed so that a demo database stays readable across restarts; production
 * refuses it (a denouncer's identity must not be readable with a key published in the source). */
const DEV_DATA_KEY = Buffer.alloc(32, 7);

function parseDataKey(value: string | undefined, mode: Config['env'], problems: string[]): Buffer {
  if (!value) {
    if (mode === 'production') problems.push('DATA_KEY phải được đặt trong production: 32 byte ngẫu nhiên dạng base64 (openssl rand -base64 32).');
    return DEV_DATA_KEY;
  }
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) problems.push('DATA_KEY phải là 32 byte mã hoá base64 (openssl rand -base64 32).');
  return key.length === 32 ? key : DEV_DATA_KEY;
}

function parseBool(value: string | undefined, fallback: boolean, name: string, problems: string[]): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(value.toLowerCase())) return false;
  problems.push(`${name}="${value}" không hợp lệ: dùng true hoặc false.`);
  return fallback;
}
