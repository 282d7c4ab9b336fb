import QRCode from 'qrcode';
import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import type { DeputiesService } from '../deputies/deputies.service.js';
import type { QrInfo } from '../../shared/schemas/stations.js';
import type { StationsRepository } from './stations.repository.js';
import type { StationsService } from './stations.service.js';
import { publicCodeNoun } from './stations.errors.js';
import { randomCode } from './roster.rules.js';

export type QrFormat = 'png' | 'svg';

/** The paths the codes hold; the host comes from the configured site address. */
export const publicPaths = {
  deputy: (code: string) => `/m/d/${code}`,
  station: (code: string) => `/m/s/${code}`,
};

/**
 * QR codes of deputies (盐池 一码上墙) and stations. A code holds a stable public address built
 * from a random public code, never a name, phone or id, so a printed code outlives any edit.
 */
export class QrService {
  constructor(
    private readonly db: Db,
    private readonly stations: StationsRepository,
    private readonly stationsService: StationsService,
    private readonly deputies: DeputiesService,
    private readonly siteUrl: () => Promise<string | null>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The site's public address: the configured one, else the address the request came to. */
  async baseUrl(requestOrigin: string): Promise<string> {
    return ((await this.siteUrl()) ?? requestOrigin).replace(/\/+$/, '');
  }

  /** The deputy's public code, given on first use (audited) and never changed after. */
  async ensureDeputyCode(actor: Actor, deputyId: string): Promise<string> {
    const { seats } = await this.deputies.visible(actor, deputyId);
    const existing = await this.stations.deputyCode(deputyId);
    if (existing) return existing;
    const code = randomCode(8);
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.stations.insertDeputyCodes([{ deputy_id: deputyId, code, created_at: at }], trx);
      await this.audit.record(trx, {
        actor,
        action: 'deputy.public_code',
        targetType: 'deputy',
        targetId: deputyId,
        bodyId: seats[0]?.body_id ?? null,
        after: { code },
      });
    });
    // Another request may have given a code at the same moment: the stored one wins.
    return (await this.stations.deputyCode(deputyId)) ?? code;
  }

  private info(kind: 'deputy' | 'station', id: string, code: string, base: string): QrInfo {
    const page = kind === 'deputy' ? publicPaths.deputy(code) : publicPaths.station(code);
    const api = `/api/v1/${kind === 'deputy' ? 'deputies' : 'stations'}/${id}`;
    return {
      code,
      url: `${base}${page}`,
      pngUrl: `${api}/qr.png`,
      svgUrl: `${api}/qr.svg`,
      posterUrl: `${page}/poster`,
    };
  }

  async deputyQr(actor: Actor, deputyId: string, origin: string): Promise<QrInfo> {
    const code = await this.ensureDeputyCode(actor, deputyId);
    return this.info('deputy', deputyId, code, await this.baseUrl(origin));
  }

  async stationQr(actor: Actor, stationId: string, origin: string): Promise<QrInfo> {
    const station = await this.stationsService.visible(actor, stationId);
    return this.info('station', stationId, station.public_code, await this.baseUrl(origin));
  }

  async deputyImage(actor: Actor, deputyId: string, format: QrFormat, origin: string) {
    return render((await this.deputyQr(actor, deputyId, origin)).url, format);
  }

  async stationImage(actor: Actor, stationId: string, format: QrFormat, origin: string) {
    return render((await this.stationQr(actor, stationId, origin)).url, format);
  }

  /** The code as printed on a public poster, by public code (no sign-in). */
  async publicImage(kind: 'deputy' | 'station', code: string, format: QrFormat, origin: string) {
    const normalised = code.toUpperCase();
    const exists =
      kind === 'deputy'
        ? (await this.stations.deputyIdByCode(normalised)) !== undefined
        : (await this.stations.findByCode(normalised))?.active === 1;
    if (!exists) throw notFound(publicCodeNoun, code);
    const path = kind === 'deputy' ? publicPaths.deputy(normalised) : publicPaths.station(normalised);
    return render(`${await this.baseUrl(origin)}${path}`, format);
  }
}

/** PNG (1024 px, for print) or SVG; error correction M survives a worn poster. */
async function render(url: string, format: QrFormat): Promise<{ type: string; body: Buffer | string }> {
  const options = { errorCorrectionLevel: 'M' as const, margin: 2 };
  if (format === 'svg')
    return {
      type: 'image/svg+xml; charset=utf-8',
      body: await QRCode.toString(url, { ...options, type: 'svg' }),
    };
  return { type: 'image/png', body: await QRCode.toBuffer(url, { ...options, type: 'png', width: 1024 }) };
}
