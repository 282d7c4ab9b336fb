import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BallotCreateInput, VoteInput, VoteResult } from '../../../shared/schemas/ballots.js';
import type {
  BallotDetail,
  BallotPage,
  BallotQuery,
  Elector,
  LiveSnapshot,
} from '../../../shared/schemas/ballot-views.js';
import type { z } from 'zod';
import type { paperBatchSchema, receiptResultSchema } from '../../../shared/schemas/ballots.js';
import { api } from '../../api/client.js';

export type PaperBatchInput = z.input<typeof paperBatchSchema>;
export type ReceiptResult = z.infer<typeof receiptResultSchema>;

/** Who runs ballots (the server checks the same). */
export const ballotManagers = ['admin', 'office_staff'] as const;
/** Staff who follow ballots of their bodies. */
export const ballotReaders = [
  'admin',
  'office_staff',
  'committee_staff',
  'leader',
  'supervision_office',
] as const;

const key = 'ballots';
const path = (id: string) => `/ballots/${encodeURIComponent(id)}`;

export const useBallots = (query: Partial<BallotQuery>, enabled = true) =>
  useQuery({
    queryKey: [key, 'list', query],
    queryFn: () => api.get<BallotPage>('/ballots', query),
    enabled,
    placeholderData: keepPreviousData,
  });

export const useBallot = (id: string | undefined) =>
  useQuery({
    queryKey: [key, 'one', id],
    queryFn: () => api.get<BallotDetail>(path(id ?? '')),
    enabled: id !== undefined,
  });

export const useElectors = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [key, 'electors', id],
    queryFn: () => api.get<Elector[]>(`${path(id)}/electors`),
    enabled,
  });

function useBallotWrite<Input, Output>(call: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [key] }),
  });
}

export const useCreateBallot = () =>
  useBallotWrite((input: BallotCreateInput) => api.post<BallotDetail>('/ballots', input));
export const useBallotAction = () =>
  useBallotWrite(({ id, action, body }: { id: string; action: string; body?: object }) =>
    api.post<BallotDetail>(`${path(id)}/actions/${action}`, body ?? {}),
  );
export const useVote = () =>
  useBallotWrite(({ id, input }: { id: string; input: VoteInput }) =>
    api.post<VoteResult>(`${path(id)}/vote`, input),
  );
export const useAttendance = () =>
  useBallotWrite(({ id, deputyIds, present }: { id: string; deputyIds: string[]; present: boolean }) =>
    api.post<{ changed: number }>(`${path(id)}/attendance`, { deputyIds, present }),
  );
export const usePaperBatch = () =>
  useBallotWrite(({ id, input }: { id: string; input: PaperBatchInput }) =>
    api.post<{ entered: number }>(`${path(id)}/paper`, input),
  );
export const lookupReceipt = (id: string, receipt: string) =>
  api.post<ReceiptResult>(`${path(id)}/receipt`, { receipt });

/**
 * The live screen's feed: server-sent events from `GET /ballots/:id/live`, which end after the
 * results. If the stream cannot be used it falls back to polling the same snapshot.
 */
export function useLiveSnapshot(id: string | undefined) {
  const [snapshot, setSnapshot] = useState<LiveSnapshot | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!id) return undefined;
    const source = new EventSource(`/api/v1${path(id)}/live`);
    source.addEventListener('snapshot', (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as LiveSnapshot;
      setSnapshot(next);
      setConnected(true);
      if (next.status === 'closed' || next.status === 'cancelled') source.close();
    });
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [id]);
  return { snapshot, connected };
}
