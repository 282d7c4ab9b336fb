import { buildApp } from '../app.js';
import { ensureAdministrator } from '../platform/bootstrap.js';
import { scheduleMaintenance } from '../platform/maintenance.js';
import { scheduleNotificationDispatch } from '../notifications/notification-dispatcher.js';
import { scheduleJobRunner } from '../jobs/jobs.service.js';
import type { Runtime } from './runtime.js';

export interface StartupAccount {
  username: string;
  password: string;
  description: string;
}

/** Hooks run before the server listens (demo data registers one); each may return accounts to print. */
export type StartupHook = (runtime: Runtime) => Promise<StartupAccount[]>;

export interface ServeOptions {
  hooks?: StartupHook[];
  /** Password for the first administrator when MINYI_ADMIN_PASSWORD is unset (the demo's shared one). */
  fallbackAdminPassword?: string;
}

export async function serve(runtime: Runtime, options: ServeOptions = {}): Promise<void> {
  const { config, services } = runtime;
  const accounts: StartupAccount[] = [];
  for (const hook of options.hooks ?? []) accounts.push(...(await hook(runtime)));
  const bootstrap = await ensureAdministrator(
    services,
    config.adminPassword ?? options.fallbackAdminPassword,
  );
  const admin = (password: string, description: string) =>
    accounts.unshift({ username: 'admin', password, description });
  if (bootstrap.generatedAdminPassword) admin(bootstrap.generatedAdminPassword, '系统管理员（仅显示一次）');
  else if (config.adminPassword && bootstrap.createdAdmin) admin('(MINYI_ADMIN_PASSWORD)', '系统管理员');
  else if (!config.adminPassword && options.fallbackAdminPassword)
    admin(options.fallbackAdminPassword, '系统管理员（演示）');

  const app = await buildApp({
    services,
    secureCookies: config.secureCookies,
    webRoot: config.webRoot,
    logger: { level: config.logLevel },
  });
  const stopMaintenance = scheduleMaintenance(services, app.log);
  const stopDispatch = scheduleNotificationDispatch(services.notificationDispatcher, app.log);
  const stopJobs = scheduleJobRunner(services.jobs, app.log);
  // Background exports: resume one whose runner died (its heartbeat ran out) and drop expired files.
  services.backgroundExports.kick();
  const exportTimer = setInterval(() => services.backgroundExports.kick(), 60_000);
  exportTimer.unref();
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    stopMaintenance();
    stopDispatch();
    stopJobs();
    clearInterval(exportTimer);
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('127.0.0.1', 'localhost');
  const lines = [
    '',
    `民意 Minyi 已启动 / is running: ${url}`,
    `数据库 / database: ${services.handle.description}`,
    `接口文档 / API docs: ${url}/api/docs`,
  ];
  if (accounts.length > 0) {
    lines.push('', '账户 / accounts (用户名 / 密码 / 角色):');
    for (const account of accounts)
      lines.push(`  ${account.username.padEnd(18)} ${account.password.padEnd(16)} ${account.description}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
