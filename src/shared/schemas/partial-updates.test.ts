import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { partialWithoutDefaults } from './common.js';
import { ballotUpdateSchema } from './ballots.js';
import { candidateUpdateSchema, roundUpdateSchema } from './livelihood.js';
import { suggestionEditSchema } from './suggestions.js';

describe('partial updates', () => {
  it('leave out what the update does not name, instead of filling in create defaults', () => {
    const schema = partialWithoutDefaults(z.object({ name: z.string(), kind: z.string().default('a') }));
    expect(schema.parse({})).toEqual({});
    expect(schema.parse({ kind: 'b' })).toEqual({ kind: 'b' });
    expect(() => schema.parse({ kind: 1 })).toThrow();
  });

  it.each([
    ['suggestion edit', suggestionEditSchema, { title: '关于增设公交站点的建议' }],
    ['ballot update', ballotUpdateSchema, { version: 0 }],
    ['round update', roundUpdateSchema, {}],
    ['candidate update', candidateUpdateSchema, { version: 0 }],
  ] as const)('%s keeps only the given fields', (_name, schema, input) => {
    expect(Object.keys((schema as z.ZodType<object>).parse(input)).sort()).toEqual(Object.keys(input).sort());
  });
});
