import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import { multipartFile } from '../testing/multipart.js';

let t: TestApp;
let make: ReturnType<typeof factories>;
let admin: Client;
let deputyId: string;

// A 1×1 transparent PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);

const upload = (client: Client, id: string, fileName: string, data: Buffer, type = 'image/png') => {
  const { payload, headers } = multipartFile(fileName, data, type);
  return client.request('PUT', `/api/v1/deputies/${id}/photo`, payload, headers);
};

beforeAll(async () => {
  t = await createTestApp();
  make = factories(t.services);
  const term = await make.term();
  deputyId = (await make.deputy({ term })).deputy.id;
  const body = await t.services.bodies.require(term.body_id);
  const { user } = await make.adminOf(body);
  admin = await signIn(t.app, user.username, testPassword);
});
afterAll(async () => t.close());

describe('deputy photos', () => {
  it('stores a PNG with its SHA-256 under uploads/, serves it, and replaces it', async () => {
    const response = await upload(admin, deputyId, '照片.png', png);
    expect(response.statusCode).toBe(200);
    expect(response.json().hasPhoto).toBe(true);
    const file = await t.services.handle.db
      .selectFrom('files')
      .selectAll()
      .where('owner_id', '=', deputyId)
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({
      owner_type: 'deputy_photo',
      mime_type: 'image/png',
      size_bytes: png.length,
      file_name: '照片.png',
      sha256: crypto.createHash('sha256').update(png).digest('hex'),
      storage_path: path.join('uploads', file.id),
    });
    const stored = path.join(t.services.options.dataDir, file.storage_path);
    expect(fs.readFileSync(stored).equals(png)).toBe(true);

    const download = await admin.request('GET', `/api/v1/deputies/${deputyId}/photo`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(png)).toBe(true);

    // A JPEG declared as PNG is stored as what its bytes say.
    const replaced = await upload(admin, deputyId, 'new.jpg', jpeg, 'image/png');
    expect(replaced.statusCode).toBe(200);
    const files = await t.services.handle.db
      .selectFrom('files')
      .selectAll()
      .where('owner_id', '=', deputyId)
      .execute();
    expect(files.map((f) => f.mime_type)).toEqual(['image/jpeg']);
    expect(fs.existsSync(stored)).toBe(false);
  });

  it('refuses files that are not JPEG, PNG or WebP by their bytes, in Chinese', async () => {
    const text = await upload(admin, deputyId, 'photo.png', Buffer.from('not really an image'));
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({
      code: 'photo_type_invalid',
      detail: '照片只能是 JPEG、PNG 或 WebP 格式的图片。',
    });
    const gif = await upload(
      admin,
      deputyId,
      'photo.gif',
      Buffer.from('GIF89a\x01\x00\x01\x00'),
      'image/gif',
    );
    expect(gif.json().code).toBe('photo_type_invalid');
    const disguised = await upload(admin, deputyId, 'photo.exe', png);
    expect(disguised.json().code).toBe('photo_type_invalid');
    const none = await admin.request('PUT', `/api/v1/deputies/${deputyId}/photo`, { file: 'x' });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('upload_required');
  });

  it('refuses photos over 5 MB with 413 and says the limit', async () => {
    const big = Buffer.concat([jpeg, Buffer.alloc(5 * 1024 * 1024, 0)]);
    const response = await upload(admin, deputyId, 'big.jpg', big, 'image/jpeg');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'file_too_large', detail: '照片不能超过 5 MB。' });
  });

  it('hides photos of deputies the reader may not see', async () => {
    const stranger = await make.adminOf();
    const client = await signIn(t.app, stranger.user.username, testPassword);
    expect((await client.request('GET', `/api/v1/deputies/${deputyId}/photo`)).statusCode).toBe(404);
    expect((await upload(client, deputyId, 'a.png', png)).statusCode).toBe(404);
  });
});
