import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  PublicDeputy,
  PublicStation,
  PublicStationSummary,
} from '../../../shared/schemas/stations-public.js';
import type {
  challengeSchema,
  CitizenCategory,
  citizenReceiptSchema,
  PublicReception,
} from '../../../shared/schemas/receptions.js';
import type { PublicAppointment, Slot } from '../../../shared/schemas/appointments.js';
import { api, failureOf, fetchRaw } from '../../api/client.js';

export type Challenge = z.infer<typeof challengeSchema>;
export type Receipt = z.infer<typeof citizenReceiptSchema>;

const enc = encodeURIComponent;

/** A target of a QR code: a deputy (`/m/d/…`) or a station (`/m/s/…`). */
export interface Target {
  kind: 'deputy' | 'station';
  code: string;
}

export const usePublicDeputy = (code: string | undefined) =>
  useQuery({
    queryKey: ['public', 'deputy', code],
    queryFn: () => api.get<PublicDeputy>(`/public/deputies/${enc(code ?? '')}`),
    enabled: Boolean(code),
    retry: false,
  });

export const usePublicStation = (code: string | undefined) =>
  useQuery({
    queryKey: ['public', 'station', code],
    queryFn: () => api.get<PublicStation>(`/public/stations/${enc(code ?? '')}`),
    enabled: Boolean(code),
    retry: false,
  });

export const usePublicStations = (q: string, page: number) =>
  useQuery({
    queryKey: ['public', 'stations', q, page],
    queryFn: () =>
      api.get<{ items: PublicStationSummary[]; total: number }>('/public/stations', {
        q: q || undefined,
        page,
        pageSize: 20,
      }),
  });

/** A fresh single-use question; refetched after every attempt (a used token is burned). */
export const useChallenge = () =>
  useQuery({
    queryKey: ['public', 'challenge'],
    queryFn: () => api.get<Challenge>('/public/challenge'),
    staleTime: 10 * 60_000,
    gcTime: 0,
  });

export const useSlots = (target: Target) =>
  useQuery({
    queryKey: ['public', 'slots', target.kind, target.code],
    queryFn: () =>
      api.get<Slot[]>(
        '/public/slots',
        target.kind === 'deputy' ? { deputyCode: target.code } : { stationCode: target.code },
      ),
  });

export function submitMessage(input: {
  deputyCode?: string;
  stationCode?: string;
  name?: string | null;
  contact: string;
  category: CitizenCategory;
  matter: string;
  challengeToken: string;
  challengeAnswer: number;
}) {
  return api.post<Receipt>('/public/messages', input);
}

export async function uploadPhoto(trackingCode: string, file: File): Promise<{ photoCount: number }> {
  const form = new FormData();
  form.append('file', file);
  const response = await fetchRaw('POST', `/public/messages/${enc(trackingCode)}/photos`, { body: form });
  if (!response.ok) throw await failureOf(response, true);
  return (await response.json()) as { photoCount: number };
}

export function book(input: {
  deputyCode: string;
  receptionDayId: string;
  startTime: string;
  name?: string | null;
  contact: string;
  matter: string;
  challengeToken: string;
  challengeAnswer: number;
}) {
  return api.post<{
    trackingCode: string;
    date: string;
    startTime: string;
    stationName: string;
    deputyName: string;
  }>('/public/appointments', input);
}

export const useTrackedMessage = (code: string | null) =>
  useQuery({
    queryKey: ['public', 'track', 'message', code],
    queryFn: () => api.get<PublicReception>(`/public/messages/${enc(code ?? '')}`),
    enabled: code !== null,
    retry: false,
  });

export const useTrackedAppointment = (code: string | null) =>
  useQuery({
    queryKey: ['public', 'track', 'appointment', code],
    queryFn: () => api.get<PublicAppointment>(`/public/appointments/${enc(code ?? '')}`),
    enabled: code !== null,
    retry: false,
  });

export function appointmentAction(code: string, action: 'confirm' | 'cancel') {
  return api.post<PublicAppointment>(`/public/appointments/${enc(code)}/actions/${action}`);
}

/** `MABCD12345EF` → `MABC-D123-45EF`: easier to read out and write down. */
export function groupCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** `青禾县人民代表大会` → `青禾县人大代表`: how a seat reads on a public page or a poster. */
export function seatTitle(bodyName: string, levelLabel: string): string {
  return `${bodyName.replace('人民代表大会', '') || levelLabel}人大代表`;
}
