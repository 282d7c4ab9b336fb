import path from 'node:path';
import { z } from 'zod';

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 开头（不设置则使用内置 SQLite）')
    .optional(),
  MINYI_DATA_DIR: z.string().min(1).default('./data'),
  MINYI_ADMIN_PASSWORD: z.string().min(8, 'MINYI_ADMIN_PASSWORD 至少 8 个字符').optional(),
  MINYI_DEMO: z.enum(['0', '1', '']).default('0'),
  MINYI_LOCALE: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
  MINYI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MINYI_SECURE_COOKIES: z.enum(['0', '1', '']).default('0'),
  /** Folder of the built web app; defaults to dist/web beside the server. */
  MINYI_WEB_ROOT: z.string().min(1).optional(),
});

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  sqliteFile: string;
  adminPassword?: string;
  demo: boolean;
  locale: 'zh-CN' | 'en-US';
  logLevel: string;
  secureCookies: boolean;
  webRoot?: string;
}

/** Reads and validates the environment; throws one readable error listing every bad variable. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`配置有误 (invalid configuration):\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  const dataDir = path.resolve(value.MINYI_DATA_DIR);
  return {
    port: value.PORT,
    host: value.HOST,
    databaseUrl: value.DATABASE_URL,
    dataDir,
    sqliteFile: path.join(dataDir, 'minyi.sqlite'),
    adminPassword: value.MINYI_ADMIN_PASSWORD,
    demo: value.MINYI_DEMO === '1',
    locale: value.MINYI_LOCALE,
    logLevel: value.MINYI_LOG_LEVEL,
    secureCookies: value.MINYI_SECURE_COOKIES === '1',
    webRoot: value.MINYI_WEB_ROOT ? path.resolve(value.MINYI_WEB_ROOT) : undefined,
  };
}
