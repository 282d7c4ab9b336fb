/**
 * A Content-Disposition value that keeps a Chinese file name in every browser: a plain ASCII
 * `filename` for old clients plus the UTF-8 name as `filename*` (RFC 6266 / RFC 8187).
 */
export function contentDisposition(
  disposition: 'attachment' | 'inline',
  fileName: string,
  fallback = asciiFallback(fileName),
): string {
  // encodeURIComponent leaves ! ' ( ) * alone, but RFC 8187 allows none of them unencoded.
  const encoded = encodeURIComponent(fileName).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The name itself when it is plain ASCII, else `file` with its extension. */
export function asciiFallback(fileName: string): string {
  if (/^[\x20-\x7e]+$/.test(fileName) && !/["\\]/.test(fileName)) return fileName;
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(fileName)?.[0] ?? '';
  return `file${extension.toLowerCase()}`;
}
