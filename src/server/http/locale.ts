import type { FastifyRequest } from 'fastify';

export type Locale = 'zh' | 'en';

/** Chinese unless the client asks for English first (`Accept-Language: en…`) or `?lang=en`. */
export function requestLocale(request: FastifyRequest, fallback: Locale = 'zh'): Locale {
  const header = request.headers['accept-language'];
  if (typeof header === 'string' && header.trim() !== '') {
    const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
    if (first.startsWith('en')) return 'en';
    if (first.startsWith('zh')) return 'zh';
  }
  return fallback;
}
