import path from 'node:path';
import { detectPhotoType } from '../deputies/deputy-photos.service.js';

const ole2Signature = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const endOfCentralDirectory = 0x06054b50;
const centralDirectoryEntry = 0x02014b50;

const imageExtensions: Record<string, string[]> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
};

// The old binary formats share one container (OLE2): the extension tells them apart.
const ole2Types: Record<string, string> = {
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
  '.ppt': 'application/vnd.ms-powerpoint',
};

// Office Open XML packages: the folder of the main part says which application wrote them.
const ooxmlTypes: { folder: string; extension: string; mimeType: string }[] = [
  {
    folder: 'word/',
    extension: '.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  {
    folder: 'xl/',
    extension: '.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  {
    folder: 'ppt/',
    extension: '.pptx',
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  },
];

/**
 * The type of an attachment from its first bytes (and, for Office packages, its zip directory),
 * accepted only when the file name's extension agrees: a name and a declared type can lie.
 */
export function detectAttachmentType(data: Buffer, fileName: string): string | undefined {
  const extension = path.extname(fileName).toLowerCase();
  const image = detectPhotoType(data);
  if (image) return imageExtensions[image]?.includes(extension) ? image : undefined;
  if (data.subarray(0, 5).toString('latin1') === '%PDF-')
    return extension === '.pdf' ? 'application/pdf' : undefined;
  if (data.subarray(0, 8).equals(ole2Signature)) return ole2Types[extension];
  if (data.subarray(0, 4).equals(zipSignature)) {
    const names = zipEntryNames(data);
    if (!names?.includes('[Content_Types].xml')) return undefined;
    // Macros have no place in a suggestion's attachments, whatever the file is called.
    if (names.some((name) => name.toLowerCase().endsWith('vbaproject.bin'))) return undefined;
    const kind = ooxmlTypes.find((type) => names.some((name) => name.startsWith(type.folder)));
    return kind && kind.extension === extension ? kind.mimeType : undefined;
  }
  return undefined;
}

/** Entry names from a zip's central directory, or undefined when the directory is not sound. */
export function zipEntryNames(data: Buffer): string[] | undefined {
  // The end record is 22 bytes plus a comment of at most 65535, so it sits near the end.
  const lowest = Math.max(0, data.length - 22 - 0xffff);
  for (let end = data.length - 22; end >= lowest; end -= 1) {
    if (data.readUInt32LE(end) !== endOfCentralDirectory) continue;
    const count = data.readUInt16LE(end + 10);
    let offset = data.readUInt32LE(end + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i += 1) {
      if (offset + 46 > end || data.readUInt32LE(offset) !== centralDirectoryEntry) return undefined;
      const nameLength = data.readUInt16LE(offset + 28);
      const extraLength = data.readUInt16LE(offset + 30);
      const commentLength = data.readUInt16LE(offset + 32);
      if (offset + 46 + nameLength > end) return undefined;
      names.push(data.toString('utf8', offset + 46, offset + 46 + nameLength));
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return undefined;
}
