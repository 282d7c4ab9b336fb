import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('has defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', demo: false, locale: 'zh-CN' });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.sqliteFile).toMatch(/data\/minyi\.sqlite$/);
  });

  it('names every bad variable in one message', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MINYI_ADMIN_PASSWORD: 'short' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL 必须以 postgres:\/\/ 开头[\s\S]*MINYI_ADMIN_PASSWORD 至少 8 个字符/);
  });
});
