import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { createTestApp, signIn } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import { runMaintenance } from './maintenance.js';

describe('maintenance', () => {
  it('removes idle sessions and audit entries past retention, keeping the chain valid', async () => {
    const t = await createTestApp(new Date('2025-01-01T00:00:00Z'));
    try {
      const make = factories(t.services);
      const { user } = await make.adminOf();
      await signIn(t.app, user.username, testPassword);
      t.clock.set(new Date('2025-08-01T00:00:00Z'));
      const { user: later } = await make.adminOf();
      const active = await signIn(t.app, later.username, testPassword);
      await runMaintenance(t.services, pino({ level: 'silent' }));
      const sessions = await t.handle.db.selectFrom('login_sessions').select('user_id').execute();
      expect(sessions.map((s) => s.user_id)).toEqual([later.id]);
      const oldest = await t.handle.db
        .selectFrom('audit_log')
        .select('at')
        .orderBy('seq')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(oldest.at >= '2025-02-01').toBe(true);
      expect((await t.services.audit.verify()).ok).toBe(true);
      expect((await active.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
