/**
 * Province profiles of the benchmark. The full profile is the province (1,000,000
 * suggestions over 3 terms); `--quick` keeps the same shape at a tenth of the volume.
 */
import crypto from 'node:crypto';
import { migrationNames } from '../src/server/db/migrate.js';

export interface ProvinceProfile {
  name: 'full' | 'quick';
  suggestions: number;
  deputies: number;
  /** Deputies of the province congress: all of them vote in the ballot scenario. */
  provinceDeputies: number;
  cityDeputies: number;
  countyDeputies: number;
  cities: number;
  countiesPerCity: number;
  townshipsPerCounty: number;
  /** Units per body at each level (townships send their items to their county's units). */
  unitsPerProvince: number;
  unitsPerCity: number;
  unitsPerCounty: number;
  stations: number;
  receptions: number;
  /** Items waiting at review tier 0 in the bench counties, for the workflow-action scenario. */
  actionPool: number;
  /** Counties whose office staff the list and action scenarios sign in as. */
  benchCounties: number;
}

export const fullProfile: ProvinceProfile = {
  name: 'full',
  suggestions: 1_000_000,
  deputies: 200_000,
  provinceDeputies: 3_000,
  cityDeputies: 700,
  countyDeputies: 250,
  cities: 15,
  countiesPerCity: 10,
  townshipsPerCounty: 10,
  unitsPerProvince: 50,
  unitsPerCity: 30,
  unitsPerCounty: 30,
  stations: 2_000,
  receptions: 100_000,
  actionPool: 45_000,
  benchCounties: 10,
};

export const quickProfile: ProvinceProfile = {
  ...fullProfile,
  name: 'quick',
  suggestions: 100_000,
  deputies: 20_000,
  cityDeputies: 100,
  countyDeputies: 40,
  receptions: 10_000,
  actionPool: 15_000,
};

/** Version of the generator's output: bump when the rows it writes change. */
export const generatorVersion = 4;

/** Seed, profile, generator and schema in one hash: a cached province is reused only if all match. */
export function profileHash(profile: ProvinceProfile, seed: number): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify({ profile, seed, generatorVersion, migrationNames }))
    .digest('hex')
    .slice(0, 12);
}

export const benchPassword = 'Bench-Minyi-2025';
/** The API token of province deputy `i` (voters use tokens: 3,000 password checks would be the test). */
export const voterToken = (seed: number, i: number) => `mny_bench_${seed}_${String(i).padStart(5, '0')}`;
