import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  bodyStationSettingsInputSchema,
  bodyStationSettingsSchema,
  myDutySchema,
  QrInfo,
  ReceptionDay,
  ReceptionRule,
  receptionRuleInputSchema,
  manualDayInputSchema,
  StaffCandidate,
  Station,
  stationCreateSchema,
  StationDetail,
  stationUpdateSchema,
  Swap,
} from '../../../shared/schemas/stations.js';
import type {
  ReceptionDetail,
  receptionCreateSchema,
  ReceptionSummary,
  receptionStatsSchema,
  dutyActivitySchema,
} from '../../../shared/schemas/receptions.js';
import type {
  AgencyAppointment,
  agencyAppointmentCreateSchema,
  Appointment,
} from '../../../shared/schemas/appointments.js';
import { api, failureOf, fetchRaw } from '../../api/client.js';
import type { QueryParams } from '../../api/client.js';

export type StationCreateInput = z.input<typeof stationCreateSchema>;
export type StationUpdateInput = z.input<typeof stationUpdateSchema>;
export type RuleInput = z.input<typeof receptionRuleInputSchema>;
export type ManualDayInput = z.input<typeof manualDayInputSchema>;
export type BodySettings = z.infer<typeof bodyStationSettingsSchema>;
export type BodySettingsInput = z.input<typeof bodyStationSettingsInputSchema>;
export type MyDuty = z.infer<typeof myDutySchema>;
export type ReceptionCreateInput = z.input<typeof receptionCreateSchema>;
export type ReceptionStats = z.infer<typeof receptionStatsSchema>;
export type DutyActivity = z.infer<typeof dutyActivitySchema>;
export type AgencyCreateInput = z.input<typeof agencyAppointmentCreateSchema>;

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Who manages stations (the server checks the same). */
export const stationWriters = ['admin', 'office_staff'] as const;

const keys = {
  stations: 'stations',
  receptions: 'receptions',
  appointments: 'appointments',
  agency: 'agency-appointments',
} as const;

const enc = encodeURIComponent;

export const useStations = (query: QueryParams, enabled = true) =>
  useQuery({
    queryKey: [keys.stations, 'list', query],
    queryFn: () => api.get<Page<Station>>('/stations', query),
    enabled,
    placeholderData: keepPreviousData,
  });

export const useStation = (id: string | null) =>
  useQuery({
    queryKey: [keys.stations, 'detail', id],
    queryFn: () => api.get<StationDetail>(`/stations/${enc(id ?? '')}`),
    enabled: id !== null,
  });

export const useStationRoster = (id: string | null, from?: string, to?: string) =>
  useQuery({
    queryKey: [keys.stations, 'roster', id, from, to],
    queryFn: () => api.get<ReceptionDay[]>(`/stations/${enc(id ?? '')}/roster`, { from, to }),
    enabled: id !== null,
  });

export const useStaffCandidates = (id: string | null, q: string) =>
  useQuery({
    queryKey: [keys.stations, 'staff-candidates', id, q],
    queryFn: () =>
      api.get<StaffCandidate[]>(`/stations/${enc(id ?? '')}/staff-candidates`, { q: q || undefined }),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });

export const useStationRule = (id: string | null) =>
  useQuery({
    queryKey: [keys.stations, 'rule', id],
    queryFn: () => api.get<ReceptionRule>(`/stations/${enc(id ?? '')}/reception-rule`),
    enabled: id !== null,
  });

export const useBodySettings = (bodyId: string | null) =>
  useQuery({
    queryKey: [keys.stations, 'settings', bodyId],
    queryFn: () => api.get<BodySettings>(`/stations/settings/${enc(bodyId ?? '')}`),
    enabled: bodyId !== null,
  });

export const useQrInfo = (kind: 'deputies' | 'stations', id: string | null) =>
  useQuery({
    queryKey: [keys.stations, 'qr', kind, id],
    queryFn: () => api.get<QrInfo>(`/${kind}/${enc(id ?? '')}/qr`),
    enabled: id !== null,
  });

/** A write that refreshes everything of the stations domain afterwards. */
function useStationsWrite<Input, Output>(call: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await Promise.all(Object.values(keys).map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
  });
}

export const useCreateStation = () =>
  useStationsWrite((input: StationCreateInput) => api.post<StationDetail>('/stations', input));
export const useUpdateStation = () =>
  useStationsWrite(({ id, input }: { id: string; input: StationUpdateInput }) =>
    api.patch<StationDetail>(`/stations/${enc(id)}`, input),
  );
export const useSetStationDeputies = () =>
  useStationsWrite(({ id, deputyIds }: { id: string; deputyIds: string[] }) =>
    api.put<StationDetail>(`/stations/${enc(id)}/deputies`, { deputyIds }),
  );
export const useSetStationStaff = () =>
  useStationsWrite(({ id, userIds }: { id: string; userIds: string[] }) =>
    api.put<StationDetail>(`/stations/${enc(id)}/staff`, { userIds }),
  );
export const useAddReceptionDay = () =>
  useStationsWrite(({ id, input }: { id: string; input: ManualDayInput }) =>
    api.post<ReceptionDay[]>(`/stations/${enc(id)}/roster/days`, input),
  );
export const useSetStationRule = () =>
  useStationsWrite(({ id, rule }: { id: string; rule: RuleInput | null }) =>
    rule
      ? api.put<ReceptionRule>(`/stations/${enc(id)}/reception-rule`, rule)
      : api.delete<ReceptionRule>(`/stations/${enc(id)}/reception-rule`),
  );
export const usePutBodySettings = () =>
  useStationsWrite(({ bodyId, input }: { bodyId: string; input: BodySettingsInput }) =>
    api.put<BodySettings>(`/stations/settings/${enc(bodyId)}`, input),
  );
export const useGenerateRoster = () =>
  useStationsWrite((input: { bodyId: string; stationIds?: string[]; from: string; to: string }) =>
    api.post<{
      stations: number;
      days: number;
      duties: number;
      skipped: { stationId: string; name: string }[];
    }>('/stations/roster/generate', input),
  );
export const useUploadStationPhoto = () =>
  useStationsWrite(async ({ id, file }: { id: string; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    const response = await fetchRaw('PUT', `/stations/${enc(id)}/photo`, { body: form });
    if (!response.ok) throw await failureOf(response);
    return (await response.json()) as StationDetail;
  });

// ── Duties and swaps ───────────────────────────────────────────────────────

export const useMyDuties = (enabled: boolean) =>
  useQuery({
    queryKey: [keys.stations, 'duties'],
    queryFn: () => api.get<MyDuty[]>('/stations/duties/mine'),
    enabled,
  });
export const useSwaps = (query: QueryParams) =>
  useQuery({
    queryKey: [keys.stations, 'swaps', query],
    queryFn: () => api.get<Swap[]>('/stations/swaps', query),
  });
export const useRequestSwap = () =>
  useStationsWrite(
    ({ dutyId, input }: { dutyId: string; input: { replacementDeputyId: string; reason: string } }) =>
      api.post<Swap>(`/stations/duties/${enc(dutyId)}/swaps`, input),
  );
export const useSwapAction = () =>
  useStationsWrite(({ id, action, input }: { id: string; action: string; input: Record<string, unknown> }) =>
    api.post<Swap>(`/stations/swaps/${enc(id)}/actions/${enc(action)}`, input),
  );

// ── Receptions ─────────────────────────────────────────────────────────────

export const useReceptions = (query: QueryParams) =>
  useQuery({
    queryKey: [keys.receptions, 'list', query],
    queryFn: () => api.get<Page<ReceptionSummary>>('/receptions', query),
    placeholderData: keepPreviousData,
  });
export const useReception = (id: string | null) =>
  useQuery({
    queryKey: [keys.receptions, 'detail', id],
    queryFn: () => api.get<ReceptionDetail>(`/receptions/${enc(id ?? '')}`),
    enabled: id !== null,
  });
export const useReceptionStats = (query: QueryParams, enabled: boolean) =>
  useQuery({
    queryKey: [keys.receptions, 'stats', query],
    queryFn: () => api.get<ReceptionStats>('/receptions/stats', query),
    enabled,
  });
export const useCreateReception = () =>
  useStationsWrite((input: ReceptionCreateInput) => api.post<ReceptionDetail>('/receptions', input));
export const useReceptionAction = () =>
  useStationsWrite(({ id, action, input }: { id: string; action: string; input: Record<string, unknown> }) =>
    api.post<ReceptionDetail>(`/receptions/${enc(id)}/actions/${enc(action)}`, input),
  );
export const useDutyActivities = (deputyId: string | null) =>
  useQuery({
    queryKey: [keys.receptions, 'duty', deputyId],
    queryFn: () => api.get<DutyActivity[]>('/duty-activities', { deputyId: deputyId ?? undefined }),
    enabled: deputyId !== null,
  });

// ── Appointments ───────────────────────────────────────────────────────────

export const useAppointments = (query: QueryParams) =>
  useQuery({
    queryKey: [keys.appointments, 'list', query],
    queryFn: () => api.get<Page<Omit<Appointment, 'actions' | 'timeline'>>>('/appointments', query),
    placeholderData: keepPreviousData,
  });
export const useAppointment = (id: string | null) =>
  useQuery({
    queryKey: [keys.appointments, 'detail', id],
    queryFn: () => api.get<Appointment>(`/appointments/${enc(id ?? '')}`),
    enabled: id !== null,
  });
export const useAppointmentAction = () =>
  useStationsWrite(({ id, action, input }: { id: string; action: string; input: Record<string, unknown> }) =>
    api.post<Appointment>(`/appointments/${enc(id)}/actions/${enc(action)}`, input),
  );

export const useAgencyAppointments = (query: QueryParams) =>
  useQuery({
    queryKey: [keys.agency, 'list', query],
    queryFn: () =>
      api.get<Page<Omit<AgencyAppointment, 'actions' | 'timeline'>>>('/agency-appointments', query),
    placeholderData: keepPreviousData,
  });
export const useAgencyAppointment = (id: string | null) =>
  useQuery({
    queryKey: [keys.agency, 'detail', id],
    queryFn: () => api.get<AgencyAppointment>(`/agency-appointments/${enc(id ?? '')}`),
    enabled: id !== null,
  });
export const useCreateAgencyAppointment = () =>
  useStationsWrite((input: AgencyCreateInput) => api.post<AgencyAppointment>('/agency-appointments', input));
export const useAgencyAction = () =>
  useStationsWrite(({ id, action, input }: { id: string; action: string; input: Record<string, unknown> }) =>
    api.post<AgencyAppointment>(`/agency-appointments/${enc(id)}/actions/${enc(action)}`, input),
  );
