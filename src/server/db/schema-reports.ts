/**
 * Table types of background exports and appraisal settings (migration `0011_exports`), kept
 * beside `schema.ts`, whose `Database` includes them.
 */

/** A requested export file: queued → running (progress 0-100) → done | failed. */
export interface ExportsTable {
  id: string;
  kind: string;
  params_json: string;
  /** The body the export is about (for the office's access); null for none. */
  body_id: string | null;
  requested_by: string;
  status: string;
  progress: number;
  attempts: number;
  claimed_by: string | null;
  /** Heartbeat: a runner extends it while it works; past it, another runner may take over. */
  claimed_until: string | null;
  error: string | null;
  file_name: string | null;
  content_type: string | null;
  /** Relative to the data directory. */
  storage_path: string | null;
  size_bytes: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** Weights and deductions of the unit appraisal (七台河), per body, inherited down the tree. */
export interface AppraisalSettingsTable {
  body_id: string;
  settings: string;
  updated_at: string;
}

export interface ReportTables {
  exports: ExportsTable;
  appraisal_settings: AppraisalSettingsTable;
}
