import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Deputy,
  deputyCreateSchema,
  DeputyPage,
  deputyQuerySchema,
  deputyUpdateSchema,
  seatCreateSchema,
  seatTerminateSchema,
  seatUpdateSchema,
} from '../../../shared/schemas/deputies.js';
import { api } from '../../api/client.js';
import { useResourceList } from '../../api/resource.js';

export type DeputyQuery = Partial<Omit<z.infer<typeof deputyQuerySchema>, 'includeLower'>> & {
  includeLower?: 'true' | 'false';
};
export type DeputyCreateInput = z.input<typeof deputyCreateSchema>;
export type DeputyUpdateInput = z.input<typeof deputyUpdateSchema>;
export type SeatCreateInput = z.input<typeof seatCreateSchema>;
export type SeatUpdateInput = z.input<typeof seatUpdateSchema>;
export type SeatTerminateInput = z.input<typeof seatTerminateSchema>;

/** Who may add and change deputies (the server checks the same). */
export const deputyWriters = ['admin', 'office_staff'] as const;

const deputiesKey = 'deputies';
const path = (id: string) => `/deputies/${encodeURIComponent(id)}`;
const seatPath = (id: string, seatId: string) => `${path(id)}/seats/${encodeURIComponent(seatId)}`;

export const useDeputies = (query: DeputyQuery, enabled = true) =>
  useResourceList<DeputyPage>(deputiesKey, query, enabled);

function useDeputyWrite<Input>(call: (input: Input) => Promise<Deputy>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [deputiesKey] }),
  });
}

export const useCreateDeputy = () =>
  useDeputyWrite((input: DeputyCreateInput) => api.post<Deputy>('/deputies', input));
export const useUpdateDeputy = () =>
  useDeputyWrite(({ id, input }: { id: string; input: DeputyUpdateInput }) =>
    api.patch<Deputy>(path(id), input),
  );
export const useAddSeat = () =>
  useDeputyWrite(({ id, input }: { id: string; input: SeatCreateInput }) =>
    api.post<Deputy>(`${path(id)}/seats`, input),
  );
export const useUpdateSeat = () =>
  useDeputyWrite(({ id, seatId, input }: { id: string; seatId: string; input: SeatUpdateInput }) =>
    api.patch<Deputy>(seatPath(id, seatId), input),
  );
export const useTerminateSeat = () =>
  useDeputyWrite(({ id, seatId, input }: { id: string; seatId: string; input: SeatTerminateInput }) =>
    api.post<Deputy>(`${seatPath(id, seatId)}/terminate`, input),
  );
