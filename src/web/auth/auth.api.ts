import type { z } from 'zod';
import type {
  apiTokenCreateSchema,
  apiTokenCreatedSchema,
  apiTokenSchema,
  loginSchema,
  Me,
  passwordChangeSchema,
  totpSetupSchema,
} from '../../shared/schemas/auth.js';
import type { okSchema } from '../../shared/schemas/common.js';
import { api } from '../api/client.js';

export type LoginInput = z.input<typeof loginSchema>;
export type PasswordChangeInput = z.input<typeof passwordChangeSchema>;
export type TotpSetup = z.infer<typeof totpSetupSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type ApiTokenCreated = z.infer<typeof apiTokenCreatedSchema>;
export type ApiTokenCreateInput = z.input<typeof apiTokenCreateSchema>;
type Ok = z.infer<typeof okSchema>;

// The sign-in steps handle "not signed in" and "step pending" themselves: keep them quiet.
const quiet = { quietAuth: true };

/** Calls of `/auth/*`, as the login steps and the account page use them. */
export const authApi = {
  login: (input: LoginInput) => api.post<Me>('/auth/login', input, quiet),
  verifyTotp: (code: string) => api.post<Me>('/auth/totp/verify', { code }, quiet),
  beginTotpSetup: () => api.post<TotpSetup>('/auth/totp/setup', undefined, quiet),
  enableTotp: (code: string) => api.post<Ok>('/auth/totp/enable', { code }, quiet),
  disableTotp: (password: string) => api.post<Ok>('/auth/totp/disable', { password }),
  changePassword: (input: PasswordChangeInput) => api.post<Ok>('/auth/password', input, quiet),
  tokens: () => api.get<ApiToken[]>('/auth/tokens'),
  createToken: (input: ApiTokenCreateInput) => api.post<ApiTokenCreated>('/auth/tokens', input),
  revokeToken: (id: string) => api.delete<Ok>(`/auth/tokens/${encodeURIComponent(id)}`),
};
