import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import type { SuggestionsService } from '../suggestions/suggestions.service.js';
import type { HandlingService } from '../suggestions/handling.service.js';
import type { AssignmentsRepository } from '../suggestions/assignments.repository.js';
import type { SuggestionPartsRepository } from '../suggestions/suggestion-parts.repository.js';
import { serialLabel } from '../suggestions/suggestion.views.js';
import type { RecordsRepository } from '../records/records.repository.js';
import type { RecordsService } from '../records/records.service.js';
import { chineseDate } from './chinese-date.js';
import { cjkFonts, defaultFontDir } from './fonts.js';
import { replyLetter } from './letter.js';
import { letterPdf } from './letter.pdf.js';
import { letterDocx } from './letter.docx.js';
import { recordSheet } from './record.sheet.js';
import { recordPdf } from './record.pdf.js';
import { recordDocx } from './record.docx.js';

export type DocumentFormat = 'pdf' | 'docx';

export interface RenderedDocument {
  fileName: string;
  /** ASCII name for old clients. */
  fallbackName: string;
  contentType: string;
  body: Buffer;
}

export const contentTypes: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const letterNoun = { zh: '答复函', en: 'Reply letter' };

/**
 * Official documents of the handling process: the reply letter of a sent reply and the handling
 * record, as PDF (embedded Noto CJK subset) or Word. Whoever may read the reply or the record may
 * download it; nothing else is checked here.
 */
export class DocumentsService {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly handling: HandlingService,
    private readonly records: RecordsService,
    private readonly recordsRepository: RecordsRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly parts: SuggestionPartsRepository,
    private readonly clock: Clock,
    private readonly fontDir: string = defaultFontDir,
  ) {}

  async replyLetter(
    actor: Actor,
    suggestionId: string,
    replyId: string,
    format: DocumentFormat,
  ): Promise<RenderedDocument> {
    const suggestion = await this.suggestions.visible(actor, suggestionId);
    // The same rule as the replies list: drafts stay with their unit; only a sent letter renders.
    const reply = (await this.handling.list(actor, suggestion)).find(
      (r) => r.id === replyId && r.status === 'sent',
    );
    if (!reply) throw notFound(letterNoun, replyId);
    const [header, signers, assignment] = await Promise.all([
      this.recordsRepository.header(suggestion.id),
      this.parts.signersOf([suggestion.id]),
      this.assignments.findById(reply.assignmentId),
    ]);
    if (!header) throw notFound(letterNoun, replyId);
    const letter = replyLetter({
      reply,
      title: suggestion.title,
      serialLabel: serialLabel(suggestion),
      sessionName: header.session_name,
      leadDeputyName: header.lead_deputy_name,
      coSignerNames: signers
        .filter((s) => s.status === 'confirmed' || s.status === 'merged')
        .map((s) => s.name),
      bodyLevel: header.body_level,
      handlerName: assignment?.handler_name ?? null,
      handlerPhone: assignment?.handler_phone ?? null,
    });
    const body =
      format === 'pdf' ? await letterPdf(letter, cjkFonts(this.fontDir)) : await letterDocx(letter);
    return {
      fileName: `${letter.fileStem}.${format}`,
      fallbackName: `reply-${reply.id}.${format}`,
      contentType: contentTypes[format],
      body,
    };
  }

  async record(actor: Actor, suggestionId: string, format: DocumentFormat): Promise<RenderedDocument> {
    const sheet = recordSheet(await this.records.get(actor, suggestionId));
    const generatedOn = chineseDate(shanghaiDate(this.clock.now()));
    const body =
      format === 'pdf'
        ? await recordPdf(sheet, cjkFonts(this.fontDir), generatedOn)
        : await recordDocx(sheet, generatedOn);
    return {
      fileName: `${sheet.fileStem}.${format}`,
      fallbackName: `record-${suggestionId}.${format}`,
      contentType: contentTypes[format],
      body,
    };
  }
}
