import type { ChartImage } from './charts.js';

export interface ReportColumn {
  title: string;
  /** Relative width; the columns share the page width in proportion. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** The pieces a report is made of; the Word and PDF renderers each lay them out. */
export type ReportBlock =
  /** Level 1: 「一、基本情况」 (黑体); level 2: 「（一）…」 or an item's title. */
  | { type: 'heading'; text: string; level: 1 | 2 }
  | { type: 'paragraph'; text: string; indent?: boolean }
  /** Small print: sources, definitions, a line of facts under an item's title. */
  | { type: 'note'; text: string }
  | { type: 'table'; caption?: string; columns: ReportColumn[]; rows: string[][] }
  | { type: 'chart'; caption: string; image: ChartImage }
  | { type: 'pageBreak' };

/** A report ready to render: official title, the line under it, the blocks. */
export interface ReportDocument {
  title: string;
  /** Under the title, e.g. 「（2026年11月21日）」. */
  subtitle: string;
  author: string;
  /** File name without extension (Chinese). */
  fileStem: string;
  /** ASCII file name without extension, for old clients. */
  fallbackStem: string;
  blocks: ReportBlock[];
}

/** Reports the fraction done (0-1) while rendering; awaited, so a long render yields. */
export type RenderProgress = (fraction: number) => Promise<void>;

export const noProgress: RenderProgress = async () => {};

/** A rate with one decimal place, or 「—」 when there is nothing to divide by. */
export function percentText(numerator: number, denominator: number): string {
  if (denominator === 0) return '—';
  return `${(Math.round((numerator * 1000) / denominator) / 10).toFixed(1)}%`;
}
