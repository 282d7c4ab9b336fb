import { Grid } from 'antd';

const phoneQuery = '(max-width: 767.98px)';

/** Below antd's `md` breakpoint. `useBreakpoint` is empty on the first render, so ask the browser then. */
export function usePhone(): boolean {
  const screens = Grid.useBreakpoint();
  if (screens.md === undefined) return window.matchMedia(phoneQuery).matches;
  return !screens.md;
}
