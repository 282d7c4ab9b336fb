import type { FastifyRequest } from 'fastify';
import { DomainError } from '../platform/errors.js';
import type { LocalisedText } from '../platform/errors.js';

export interface Upload {
  fileName: string;
  /** As the client declared it: never trusted, the bytes are checked by the service. */
  declaredType: string;
  data: Buffer;
}

const uploadRequired = () =>
  new DomainError(
    'validation',
    'upload_required',
    {
      zh: '请以 multipart/form-data 上传一个文件。',
      en: 'Upload one file as multipart/form-data.',
    },
    [{ field: 'file', message: { zh: '「文件」为必填项', en: '"File" is required' } }],
  );

/**
 * Reads the one file of a multipart request into memory, refusing more than `maxBytes` with a
 * 413 that says the limit (`tooLarge`), rather than the framework's generic message.
 */
export async function readUpload(
  request: FastifyRequest,
  maxBytes: number,
  tooLarge: LocalisedText,
): Promise<Upload> {
  if (!request.isMultipart()) throw uploadRequired();
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) throw uploadRequired();
  try {
    const data = await part.toBuffer();
    return { fileName: part.filename, declaredType: part.mimetype, data };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new DomainError('payload_too_large', 'file_too_large', tooLarge);
    throw error;
  }
}
