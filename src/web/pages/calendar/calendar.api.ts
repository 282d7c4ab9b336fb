import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarMonth,
  CalendarOverride,
  CalendarOverrideInput,
  Deadline,
} from '../../../shared/schemas/calendar.js';
import type { Period } from '../../../shared/schemas/settings.js';
import { api } from '../../api/client.js';

const calendarKey = 'calendar';

export function useCalendarMonth(year: number, month: number) {
  return useQuery({
    queryKey: [calendarKey, 'month', year, month],
    queryFn: () => api.get<CalendarMonth>('/calendar/month', { year, month }),
  });
}

const overridePath = (date: string) => `/calendar/overrides/${encodeURIComponent(date)}`;

/** Setting or removing an override changes months and deadlines: refetch everything calendar. */
function useCalendarWrite<Input, Output>(call: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [calendarKey] }),
  });
}

export const usePutOverride = () =>
  useCalendarWrite(({ date, input }: { date: string; input: CalendarOverrideInput }) =>
    api.put<CalendarOverride>(overridePath(date), input),
  );
export const useDeleteOverride = () =>
  useCalendarWrite((date: string) => api.delete<{ ok: true }>(overridePath(date)));

/** The API takes the period as exactly one of `months`, `workingDays`, `days`. */
export function fetchDeadline(from: string, period: Period): Promise<Deadline> {
  return api.get<Deadline>('/calendar/deadline', { from, [period.unit]: period.amount });
}
