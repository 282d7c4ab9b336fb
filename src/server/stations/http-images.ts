import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** Sends a stored image; `nosniff` (helmet) keeps browsers from reading it as anything else. */
export function sendImage(
  reply: FastifyReply,
  image: { mimeType: string; sizeBytes: number; sha256: string; stream: Readable },
  cache: 'private' | 'public',
): FastifyReply {
  return reply
    .type(image.mimeType)
    .header('content-length', String(image.sizeBytes))
    .header('etag', `"${image.sha256}"`)
    .header('cache-control', `${cache}, max-age=300`)
    .send(image.stream);
}

/** The address the request came to, for QR codes when no site address is configured. */
export function requestOrigin(request: { protocol: string; host: string }): string {
  return `${request.protocol}://${request.host}`;
}
