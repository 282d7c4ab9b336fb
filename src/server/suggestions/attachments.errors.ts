import { DomainError, forbidden, notFound } from '../platform/errors.js';

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

export const attachmentNoun = { zh: '附件', en: 'Attachment' };

export const attachmentErrors = {
  notFound: (id: string) => notFound(attachmentNoun, id),
  notLead: () =>
    forbidden({
      zh: '只有领衔代表（或代录该建议的工作人员）可以添加或删除附件。',
      en: 'Only the lead deputy (or the staff member who entered it) may add or remove attachments.',
    }),
  notEditable: () =>
    new DomainError('invalid_transition', 'attachment.not_editable', {
      zh: '只有草稿或退回修改的建议可以添加或删除附件。',
      en: 'Attachments can only change while the item is a draft or returned.',
    }),
  type: () =>
    new DomainError(
      'validation',
      'attachment.type',
      {
        zh: '只能上传 PDF、图片（JPEG、PNG、WebP）或 Office 文档（Word、Excel、PowerPoint），且扩展名须与文件内容一致。',
        en: 'Only PDF, images (JPEG, PNG, WebP) and Office documents (Word, Excel, PowerPoint) whose extension matches their content.',
      },
      [{ field: 'file', message: { zh: '「文件」类型不允许', en: '"File" type is not allowed' } }],
    ),
  empty: () =>
    new DomainError('validation', 'attachment.empty', { zh: '文件是空的。', en: 'The file is empty.' }, [
      { field: 'file', message: { zh: '「文件」是空的', en: '"File" is empty' } },
    ]),
  tooLarge: (maxBytes: number) =>
    new DomainError('payload_too_large', 'attachment.too_large', {
      zh: `附件不能超过 ${megabytes(maxBytes)} MB。`,
      en: `An attachment may be at most ${megabytes(maxBytes)} MB.`,
    }),
  tooMany: (max: number) =>
    new DomainError('conflict', 'attachment.too_many', {
      zh: `每件建议最多 ${max} 个附件，请先删除不需要的附件。`,
      en: `At most ${max} attachments per item; remove one first.`,
    }),
};
