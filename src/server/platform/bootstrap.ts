import type { Services } from '../services.js';
import { newId } from './ids.js';

export interface BootstrapResult {
  /** Set when the administrator was created with a generated password (print it once). */
  generatedAdminPassword: string | null;
  createdAdmin: boolean;
}

/**
 * First start on an empty database: a top-level body (unless demo data made one) and the
 * administrator `admin`, whose password is the given one or a generated one.
 */
export async function ensureAdministrator(
  services: Services,
  adminPassword: string | undefined,
): Promise<BootstrapResult> {
  if (await services.users.findByUsername('admin'))
    return { generatedAdminPassword: null, createdAdmin: false };
  let [root] = await services.repositories.bodies.roots();
  if (!root) {
    const at = services.clock.now().toISOString();
    const id = newId();
    root = {
      id,
      name: '本级人民代表大会（请在“人大机关”中修改名称）',
      level: 'county',
      parent_id: null,
      path: `/${id}/`,
      region_code: null,
      region_name: null,
      created_at: at,
      updated_at: at,
    };
    await services.repositories.bodies.insert(root);
  }
  const created = await services.users.create(null, {
    username: 'admin',
    displayName: '系统管理员',
    password: adminPassword,
    roles: [{ role: 'admin', bodyId: root.id }],
    mustChangePassword: false,
  });
  return { generatedAdminPassword: created.initialPassword, createdAdmin: true };
}
