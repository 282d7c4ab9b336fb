/**
 * The server's submission-check message as a list: "提交前请修改：A；B；C" → [A, B, C]. Used for the
 * action's reason (shown before submitting); a refused submit also carries each check as a field error.
 */
export function problemList(text: string | null | undefined): string[] {
  if (!text) return [];
  const colon = text.search(/[：:]/);
  const body = colon >= 0 ? text.slice(colon + 1) : text;
  const items = body
    .split(/[；;]/)
    .map((part) => part.trim())
    .filter(Boolean);
  return items.length > 0 ? items : [text];
}
