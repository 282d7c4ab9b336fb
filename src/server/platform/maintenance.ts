import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../services.js';

const everySixHours = 6 * 3_600_000;

/**
 * Housekeeping while the server runs: drop expired login sessions and audit entries past the
 * retention period (security policy, ≥ 6 months). Idempotent, so several processes may run it.
 */
export async function runMaintenance(services: Services, log: FastifyBaseLogger): Promise<void> {
  const policy = await services.settings.security();
  const now = services.clock.now();
  const idleCutoff = new Date(now.getTime() - policy.idleTimeoutMinutes * 60_000).toISOString();
  const sessions = await services.repositories.auth.deleteExpiredSessions(now.toISOString(), idleCutoff);
  const auditEntries = await services.audit.purgeOlderThan(policy.auditRetentionMonths, null);
  if (sessions > 0 || auditEntries > 0)
    log.info({ sessions, auditEntries }, 'maintenance removed expired rows');
}

export function scheduleMaintenance(services: Services, log: FastifyBaseLogger): () => void {
  const run = () =>
    runMaintenance(services, log).catch((error: unknown) => log.error({ err: error }, 'maintenance failed'));
  void run();
  const timer = setInterval(run, everySixHours);
  timer.unref();
  return () => clearInterval(timer);
}
