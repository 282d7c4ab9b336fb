import { importReportSchema } from '../../../shared/schemas/imports.js';
import type { ImportKind, ImportMode, ImportReport } from '../../../shared/schemas/imports.js';
import { failureOf, fetchRaw } from '../../api/client.js';
import type { QueryParams } from '../../api/client.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `filename*=UTF-8''…` (the Chinese name) if present, else the plain `filename="…"`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed name: fall back to the plain one.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

/** Hands a blob to the browser as a download. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after the click returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Downloads a file from the API. Fetched first (not a plain link) so a refusal arrives as an
 * `ApiError` to show, instead of a saved file holding a JSON problem.
 */
export async function downloadFile(path: string, query: QueryParams, fallbackName: string): Promise<void> {
  const response = await fetchRaw('GET', path, {
    query,
    accept: `${xlsxType}, application/problem+json`,
  });
  if (!response.ok) throw await failureOf(response);
  const blob = await response.blob();
  saveBlob(blob, fileNameOf(response.headers.get('content-disposition')) ?? fallbackName);
}

export const downloadTemplate = (kind: ImportKind) =>
  downloadFile(`/imports/${kind}/template`, {}, `${kind}-template.xlsx`);

export const downloadExport = (kind: ImportKind, query: QueryParams) =>
  downloadFile(`/exports/${kind}`, query, `${kind}.xlsx`);

export interface ImportOutcome {
  report: ImportReport;
  /** The server's explanation when all-or-nothing refused the file (nothing was imported). */
  refusal: string | null;
}

export interface ImportRequest {
  kind: ImportKind;
  bodyId: string;
  mode: ImportMode;
  dryRun: boolean;
  file: File;
}

/**
 * Uploads a workbook. A file refused in all-or-nothing mode (400 `import_rejected`) still has its
 * report (counts and row errors) attached to the problem: it comes back as an outcome, not an error.
 */
export async function uploadImport({
  kind,
  bodyId,
  mode,
  dryRun,
  file,
}: ImportRequest): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetchRaw('POST', `/imports/${kind}`, {
    query: { bodyId, mode, dryRun },
    body: form,
  });
  if (response.ok) return { report: importReportSchema.parse(await response.json()), refusal: null };
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  const error = await failureOf(response);
  const report = importReportSchema.safeParse(body);
  if (error.code === 'import_rejected' && report.success)
    return { report: report.data, refusal: error.detail };
  throw error;
}
