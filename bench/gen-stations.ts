/**
 * The province's liaison stations (a county's home, one per township, more in counties) and their
 * reception records, on the organisation of gen-organisation.ts.
 */
import type { ProvinceProfile } from './profile.js';
import type { BulkWriter } from './lib/writer.js';
import { personName, receptionMatters } from './texts.js';
import { must } from './lib/must.js';
import type { GenBody, Org, Random } from './gen-organisation.js';
import { DAY, at, dayOf, generatedToday, iso, utcDay } from './gen-organisation.js';

/** Liaison stations (a county's home, one station per township, more in counties) and receptions. */
export function generateStations(
  w: BulkWriter,
  random: Random,
  ulid: (time: number) => string,
  org: Org,
  profile: ProvinceProfile,
): void {
  const createdIso = iso(utcDay(2022, 3, 1));
  const hosts = org.bodies.filter((b) => b.level === 'township' || b.level === 'county');
  const stations: { id: string; body: GenBody; deputies: string[] }[] = [];
  for (let i = 0; i < profile.stations; i += 1) {
    const body = must(hosts[i % hosts.length], 'station host');
    const id = ulid(utcDay(2022, 3, 1) + i);
    const kind = body.level === 'county' ? (i < hosts.length ? 'home' : 'station') : 'station';
    w.insert('stations', [
      id,
      body.id,
      `${body.name}人大代表${kind === 'home' ? '之家' : `联络站${i >= hosts.length ? `（${Math.floor(i / hosts.length) + 1}）` : ''}`}`,
      kind,
      body.level === 'county' ? 'county' : 'township',
      `${body.name}人民路${random.int(1, 200)}号`,
      null,
      '工作日 9:00-17:00',
      personName(random),
      random.phone(),
      null,
      null,
      0,
      `bs${i.toString(36)}${random.int(100, 999)}`,
      1,
      0,
      createdIso,
      createdIso,
    ]);
    const deputies = body.deputies.slice(0, 8).map((d) => d.id);
    deputies.forEach((deputyId, order) => w.insert('station_deputies', [id, deputyId, order, createdIso]));
    stations.push({ id, body, deputies });
  }
  const start = utcDay(2024, 1, 1);
  const span = Math.floor((generatedToday - start) / DAY);
  for (let i = 0; i < profile.receptions; i += 1) {
    const station = must(stations[Math.floor(random.next() * stations.length)], 'station');
    const matter = random.pick(receptionMatters);
    const received = start + random.int(0, span) * DAY;
    const createdAt = at(received, random.int(9, 17));
    const closed = received < generatedToday - 20 * DAY || random.next() < 0.5;
    const answeredAt = closed ? createdAt + random.int(1, 15) * DAY : null;
    const deputyId = station.deputies.length > 0 ? random.pick(station.deputies) : null;
    w.insert('receptions', [
      ulid(createdAt),
      `R${i.toString(36).toUpperCase().padStart(6, '0')}`,
      random.pick(['visit', 'visit', 'message', 'phone']),
      station.body.id,
      station.id,
      deputyId,
      null,
      personName(random),
      random.phone(),
      null,
      null,
      matter.category,
      matter.matter.replaceAll('{place}', station.body.name),
      dayOf(createdAt),
      closed ? 'closed' : random.pick(['new', 'open', 'referred']),
      closed ? random.pick(['solved', 'explained', 'explained', 'referred']) : null,
      closed ? '已向群众当面解释有关政策，并协调有关部门跟进处理。' : null,
      answeredAt === null ? null : iso(answeredAt),
      closed ? (station.body.deputies[0]?.name ?? null) : null,
      answeredAt === null ? null : Math.round((answeredAt - createdAt) / 60_000),
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      closed ? 2 : 0,
      iso(createdAt),
      iso(answeredAt ?? createdAt),
    ]);
  }
}
