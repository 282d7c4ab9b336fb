import path from 'node:path';
import { Command } from 'commander';
import { openRuntime } from './runtime.js';
import { serve } from './serve.js';
import { demoStartupHook } from '../demo/demo.startup.js';
import { seedDemoIfEmpty } from '../demo/demo.seed.js';
import { demoPassword } from '../demo/demo.data.js';
import { roleSchema } from '../../shared/schemas/roles.js';
import { runImportCommand } from '../imports/imports.cli.js';
import { runSearchRebuild, searchIndexStartupHook } from '../search/search.cli.js';

const program = new Command();
program.name('minyi').description('民意 Minyi 人大代表建议办理与履职服务平台');

program
  .command('serve')
  .description('启动服务（首次启动自动迁移并创建管理员）')
  .action(async () => {
    const runtime = await openRuntime();
    await serve(
      runtime,
      runtime.config.demo
        ? { hooks: [demoStartupHook, searchIndexStartupHook], fallbackAdminPassword: demoPassword }
        : { hooks: [searchIndexStartupHook] },
    );
  });

program
  .command('seed-demo')
  .description('向空数据库载入演示数据（青禾县）')
  .action(async () => {
    const runtime = await openRuntime();
    try {
      const seeded = await seedDemoIfEmpty(runtime.services);
      if (!seeded) {
        process.stderr.write('数据库已有数据，未载入演示数据 (database not empty; demo data not loaded)\n');
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`已载入演示数据: ${JSON.stringify(seeded.counts)}\n`);
      for (const account of seeded.accounts)
        process.stdout.write(`  ${account.username}  ${account.password}  ${account.description}\n`);
    } finally {
      await runtime.close();
    }
  });

program
  .command('migrate')
  .description('执行数据库迁移')
  .action(async () => {
    const runtime = await openRuntime();
    process.stdout.write(
      runtime.applied.length > 0
        ? `已执行迁移: ${runtime.applied.join(', ')}\n`
        : '数据库已是最新 (already up to date)\n',
    );
    await runtime.close();
  });

program
  .command('search')
  .description('全文检索索引')
  .command('rebuild')
  .description('按批重建全文检索索引（建议、答复、接待记录）')
  .option('--batch <n>', '每批条数', '500')
  .action(async (options: { batch: string }) => {
    const runtime = await openRuntime();
    try {
      await runSearchRebuild(runtime, Math.max(1, Number(options.batch) || 500));
    } finally {
      await runtime.close();
    }
  });

program
  .command('stats')
  .description('统计')
  .command('rebuild')
  .description('从办理数据重建统计事实表和汇总表（直接导入数据库的数据须执行）')
  .action(async () => {
    const runtime = await openRuntime();
    try {
      const { suggestions } = await runtime.services.statsFacts.rebuild();
      process.stdout.write(`已重建 ${suggestions} 件建议的统计数据\n`);
    } finally {
      await runtime.close();
    }
  });

const audit = program.command('audit').description('审计日志');
audit
  .command('verify')
  .description('校验审计哈希链；发现篡改时以非零状态退出')
  .action(async () => {
    const runtime = await openRuntime();
    const result = await runtime.services.audit.verify();
    await runtime.close();
    if (result.ok) {
      process.stdout.write(
        `审计链完整 (audit chain intact): ${result.checked} 条，算法 ${result.algorithm.toUpperCase()}\n`,
      );
    } else {
      process.stderr.write(
        `审计链被破坏 (audit chain BROKEN) 于第 ${result.failure?.seq} 条: ${result.failure?.reason}\n算法 ${result.algorithm.toUpperCase()}，已校验 ${result.checked} 条\n`,
      );
      process.exitCode = 1;
    }
  });

program
  .command('backup')
  .description('在线备份 SQLite 数据库（PostgreSQL 请用 pg_dump）')
  .argument('[file]', '备份文件路径')
  .action(async (file?: string) => {
    const runtime = await openRuntime();
    const target =
      file ??
      path.join(
        runtime.config.dataDir,
        'backups',
        `minyi-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`,
      );
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    const result = await runtime.services.handle.dialect.backup(runtime.services.handle.db as never, target);
    await runtime.close();
    if (result.done) process.stdout.write(`已备份到 (backed up to) ${path.resolve(target)}\n`);
    else {
      process.stdout.write(`${result.hint}\n`);
      process.exitCode = 2;
    }
  });

const user = program.command('user').description('账户管理');
user
  .command('create')
  .description('新建账户（未给密码则生成并显示）')
  .argument('<username>')
  .requiredOption('--name <displayName>', '姓名')
  .requiredOption('--role <role>', `角色: ${roleSchema.options.join(' | ')}`)
  .option('--body <bodyId>', '所属人大机关 id（默认顶级人大）')
  .option('--unit <unitId>', '承办单位 id（承办单位角色必填）')
  .option('--password <password>', '密码')
  .action(
    async (
      username: string,
      options: { name: string; role: string; body?: string; unit?: string; password?: string },
    ) => {
      const runtime = await openRuntime();
      try {
        const role = roleSchema.parse(options.role);
        const bodyId = options.body ?? (await runtime.services.repositories.bodies.roots())[0]?.id;
        if (!bodyId) throw new Error('没有人大机关，请先启动一次服务 (no body yet: run serve once)');
        const created = await runtime.services.users.create(null, {
          username,
          displayName: options.name,
          password: options.password,
          roles: [{ role, bodyId, unitId: options.unit ?? null }],
          mustChangePassword: !options.password,
        });
        process.stdout.write(
          `已创建 ${created.username}${created.initialPassword ? `，初始密码 ${created.initialPassword}（首次登录须修改）` : ''}\n`,
        );
      } finally {
        await runtime.close();
      }
    },
  );

user
  .command('reset-password')
  .description('重置为临时密码并解锁（下次登录须修改）')
  .argument('<username>')
  .action(async (username: string) => {
    const runtime = await openRuntime();
    try {
      const found = await runtime.services.users.findByUsername(username);
      if (!found) throw new Error(`用户不存在: ${username}`);
      const { temporaryPassword } = await runtime.services.users.resetPassword(null, found.id);
      process.stdout.write(`${username} 的临时密码: ${temporaryPassword}（下次登录须修改）\n`);
    } finally {
      await runtime.close();
    }
  });

program
  .command('import')
  .description('从 .xlsx 导入 代表(deputies) / 承办单位(units) / 用户(users)；有误的行时以非零状态退出')
  .argument('<kind>', 'deputies | units | users')
  .argument('<file>', '.xlsx 文件')
  .requiredOption('--body <bodyId>', '导入到的人大机关 id')
  .option('--valid-rows', '只导入正确的行（默认：有任何错误则全部不导入）')
  .option('--dry-run', '只检查，不写入')
  .action(
    async (kind: string, file: string, options: { body: string; validRows?: boolean; dryRun?: boolean }) => {
      const runtime = await openRuntime();
      try {
        process.exitCode = await runImportCommand(runtime.services, kind, file, options);
      } finally {
        await runtime.close();
      }
    },
  );

export async function runCli(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
