import type { Me } from '../../shared/schemas/auth.js';
import { hasAnyRole } from '../auth/roles.js';
import { pageRegistry } from './registry.js';
import type { PageEntry } from './registry.js';

export function canOpen(me: Me, entry: PageEntry): boolean {
  return entry.roles === 'everyone' || hasAnyRole(me, entry.roles);
}

export function visiblePages(me: Me): PageEntry[] {
  return pageRegistry.filter((entry) => canOpen(me, entry));
}

/** The registry entry a location belongs to: the longest path that prefixes it. */
export function entryForPath(pathname: string): PageEntry | undefined {
  return [...pageRegistry]
    .filter((entry) =>
      entry.path === '/'
        ? pathname === '/'
        : pathname === entry.path || pathname.startsWith(`${entry.path}/`),
    )
    .sort((a, b) => b.path.length - a.path.length)[0];
}
