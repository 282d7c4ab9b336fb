import { z } from 'zod';
import { bodyLevelSchema, idSchema, pageOf, pageQuerySchema } from './common.js';
import { labelSchemeSchema, stationKindSchema, stationLevelSchema } from './stations.js';

/**
 * What the public pages of the QR codes show. Only public data: names, levels, stations, duty
 * days; never a deputy's phone, email or address, never a citizen's anything.
 */
export const publicDutyDaySchema = z.object({
  date: z.string(),
  weekday: z.number().int(),
  startTime: z.string(),
  endTime: z.string(),
  stationCode: z.string(),
  stationName: z.string(),
  deputies: z.array(z.object({ code: z.string().nullable(), name: z.string() })),
});
export type PublicDutyDay = z.infer<typeof publicDutyDaySchema>;

export const publicSeatSchema = z.object({ bodyName: z.string(), level: bodyLevelSchema });

export const publicDeputySchema = z.object({
  code: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  occupation: z.string().nullable(),
  seats: z.array(publicSeatSchema),
  hasPhoto: z.boolean(),
  stations: z.array(z.object({ code: z.string(), name: z.string(), address: z.string() })),
  upcomingDuties: z.array(publicDutyDaySchema),
});
export type PublicDeputy = z.infer<typeof publicDeputySchema>;

export const publicStationSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  bodyName: z.string(),
  kind: stationKindSchema,
  level: stationLevelSchema,
  address: z.string(),
  directions: z.string().nullable(),
  openingHours: z.string().nullable(),
  /** The station's office line, published on its door (not a deputy's own phone). */
  contactPhone: z.string().nullable(),
  labelScheme: labelSchemeSchema,
  starRating: z.number().int().nullable(),
  demonstration: z.boolean(),
  deputyCount: z.number().int(),
  nextReceptionDay: z.string().nullable(),
});
export type PublicStationSummary = z.infer<typeof publicStationSummarySchema>;
export const publicStationPageSchema = pageOf(publicStationSummarySchema);
export const publicStationQuerySchema = pageQuerySchema.extend({
  bodyId: idSchema.optional(),
  q: z.string().trim().max(40).optional(),
});

export const publicStationSchema = publicStationSummarySchema.extend({
  hasPhoto: z.boolean(),
  deputies: z.array(
    z.object({ code: z.string().nullable(), name: z.string(), levels: z.array(bodyLevelSchema) }),
  ),
  roster: z.array(publicDutyDaySchema),
});
export type PublicStation = z.infer<typeof publicStationSchema>;
