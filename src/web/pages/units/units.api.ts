import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Unit,
  unitCreateSchema,
  UnitDepartment,
  UnitPage,
  unitQuerySchema,
  unitUpdateSchema,
} from '../../../shared/schemas/units.js';
import { api } from '../../api/client.js';
import { useResourceList } from '../../api/resource.js';

export type UnitQuery = Partial<Omit<z.infer<typeof unitQuerySchema>, 'active'>> & {
  active?: 'true' | 'false';
};
export type UnitCreateInput = z.input<typeof unitCreateSchema>;
export type UnitUpdateInput = z.input<typeof unitUpdateSchema>;

/** Who may add and change units (the server checks the same). */
export const unitWriters = ['admin', 'office_staff'] as const;

const unitsKey = 'units';
const path = (id: string) => `/units/${encodeURIComponent(id)}`;

export const useUnits = (query: UnitQuery, enabled = true) =>
  useResourceList<UnitPage>(unitsKey, query, enabled);

/** Every write to units or their departments refetches both. */
function useUnitWrite<Input, Output>(call: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [unitsKey] }),
  });
}

export const useCreateUnit = () => useUnitWrite((input: UnitCreateInput) => api.post<Unit>('/units', input));
export const useUpdateUnit = () =>
  useUnitWrite(({ id, input }: { id: string; input: UnitUpdateInput }) => api.patch<Unit>(path(id), input));
export const useSetUnitActive = () =>
  useUnitWrite(({ id, active }: { id: string; active: boolean }) =>
    api.post<Unit>(`${path(id)}/${active ? 'reactivate' : 'deactivate'}`),
  );

export function useDepartments(unitId: string | null) {
  return useQuery({
    queryKey: [unitsKey, unitId, 'departments'],
    queryFn: () => api.get<UnitDepartment[]>(`${path(unitId ?? '')}/departments`),
    enabled: unitId !== null,
  });
}

const departmentPath = (unitId: string, departmentId: string) =>
  `${path(unitId)}/departments/${encodeURIComponent(departmentId)}`;

export const useAddDepartment = () =>
  useUnitWrite(({ unitId, name }: { unitId: string; name: string }) =>
    api.post<UnitDepartment>(`${path(unitId)}/departments`, { name }),
  );
export const useRenameDepartment = () =>
  useUnitWrite(({ unitId, id, name }: { unitId: string; id: string; name: string }) =>
    api.patch<UnitDepartment>(departmentPath(unitId, id), { name }),
  );
export const useDeleteDepartment = () =>
  useUnitWrite(({ unitId, id }: { unitId: string; id: string }) =>
    api.delete<{ ok: true }>(departmentPath(unitId, id)),
  );
