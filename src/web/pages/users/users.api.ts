import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  passwordResetSchema,
  User,
  userCreatedSchema,
  userCreateSchema,
  userPageSchema,
  userQuerySchema,
  userUpdateSchema,
} from '../../../shared/schemas/users.js';
import { api } from '../../api/client.js';

export type UserQuery = Partial<z.infer<typeof userQuerySchema>>;
export type UserPage = z.infer<typeof userPageSchema>;
export type UserCreateInput = z.input<typeof userCreateSchema>;
export type UserUpdateInput = z.input<typeof userUpdateSchema>;
type UserCreated = z.infer<typeof userCreatedSchema>;
type PasswordReset = z.infer<typeof passwordResetSchema>;

const usersKey = ['users'] as const;

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: [...usersKey, query],
    queryFn: () => api.get<UserPage>('/users', query),
    placeholderData: keepPreviousData,
  });
}

function useUserMutation<Input, Output>(call: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

const path = (id: string) => `/users/${encodeURIComponent(id)}`;

export const useCreateUser = () =>
  useUserMutation((input: UserCreateInput) => api.post<UserCreated>('/users', input));

export const useUpdateUser = () =>
  useUserMutation(({ id, input }: { id: string; input: UserUpdateInput }) =>
    api.patch<User>(path(id), input),
  );

export const useResetPassword = () =>
  useUserMutation((id: string) => api.post<PasswordReset>(`${path(id)}/reset-password`));

export const useUnlockUser = () => useUserMutation((id: string) => api.post<User>(`${path(id)}/unlock`));
