import type { z } from 'zod';
import type {
  Category,
  categoryCreateSchema,
  categoryUpdateSchema,
} from '../../../../shared/schemas/categories.js';
import { useResourceList, useResourceMutations } from '../../../api/resource.js';

export type CategoryCreateInput = z.input<typeof categoryCreateSchema>;
export type CategoryUpdateInput = z.input<typeof categoryUpdateSchema>;

/** Who may change categories (the server checks the same). */
export const categoryWriters = ['admin', 'office_staff'] as const;

/** Categories of a body, flat, each with its usual units. */
export const useCategories = (bodyId: string | null) =>
  useResourceList<Category[]>('categories', { bodyId }, bodyId !== null);

export const useCategoryMutations = () =>
  useResourceMutations<Category, CategoryCreateInput, CategoryUpdateInput>('categories');

export interface CategoryNode extends Category {
  children?: CategoryNode[];
}

/** Nests the flat list by `parentId`, each level by sort order then name. */
export function categoryTree(categories: readonly Category[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>(categories.map((c) => [c.id, { ...c }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const order = (list: CategoryNode[]) => {
    list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    for (const node of list) if (node.children) order(node.children);
  };
  order(roots);
  return roots;
}
