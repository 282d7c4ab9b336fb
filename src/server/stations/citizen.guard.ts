import crypto from 'node:crypto';
import type { Clock } from '../platform/clock.js';
import type { CitizenRepository } from './citizen.repository.js';
import type { ReceptionsRepository } from './receptions.repository.js';
import { citizenErrors } from './stations.errors.js';

/** Submissions (messages and bookings) one contact may make in 24 hours. */
export const contactLimitPerDay = 5;
/** Submissions one client address may make in an hour (a village office may share one address). */
export const addressLimitPerHour = 20;
const challengeMinutes = 15;

/**
 * Words that mark advertising, fraud or abuse rather than a citizen's matter. Deliberately short:
 * a real complaint is never refused for strong words about the problem itself.
 */
export const blockedWords = [
  '代开发票',
  '加微信',
  '加V',
  '刷单',
  '博彩',
  '赌场',
  '六合彩',
  '贷款秒批',
  '私人借贷',
  '办证',
  '枪支',
  '毒品出售',
  '色情',
  '约炮',
  'viagra',
  'casino',
];

/**
 * The anti-abuse checks of citizen submissions, which need no account: a single-use arithmetic
 * question signed with an HMAC (no external service), content checks, and per-contact and
 * per-address limits counted in the database (so they hold across server processes).
 */
export class CitizenGuard {
  private secret: Promise<Buffer> | null = null;

  constructor(
    private readonly citizen: CitizenRepository,
    private readonly receptions: ReceptionsRepository,
    private readonly clock: Clock,
  ) {}

  /** The deployment's signing key, created on first use and kept in the database. */
  private key(): Promise<Buffer> {
    this.secret ??= this.citizen
      .settingOrCreate(
        'stations.citizen_secret',
        crypto.randomBytes(32).toString('hex'),
        this.clock.now().toISOString(),
      )
      .then((hex) => Buffer.from(hex, 'hex'));
    return this.secret;
  }

  private async sign(payload: string): Promise<string> {
    return crypto
      .createHmac('sha256', await this.key())
      .update(payload)
      .digest('base64url');
  }

  /** A new question; its answer is only inside the signature, never in the token itself. */
  async issueChallenge(): Promise<{ token: string; question: string; expiresAt: string }> {
    const a = crypto.randomInt(2, 20);
    const b = crypto.randomInt(2, 10);
    const plus = crypto.randomInt(2) === 0;
    const answer = plus ? a + b : a - b;
    const nonce = crypto.randomBytes(12).toString('base64url');
    const expires = this.clock.now().getTime() + challengeMinutes * 60_000;
    const signature = await this.sign(`${nonce}.${expires}.${answer}`);
    return {
      token: `${nonce}.${expires}.${signature}`,
      question: `${a} ${plus ? '+' : '-'} ${b} = ?`,
      expiresAt: new Date(expires).toISOString(),
    };
  }

  /** Burns the token (right or wrong: a wrong answer cannot be retried) and checks the answer. */
  async verifyChallenge(token: string, answer: number): Promise<void> {
    const [nonce, expiresText, signature] = token.split('.');
    const expires = Number(expiresText);
    if (!nonce || !signature || !Number.isFinite(expires) || expires < this.clock.now().getTime())
      throw citizenErrors.challengeFailed();
    if (!(await this.citizen.burnChallenge(nonce, new Date(expires).toISOString())))
      throw citizenErrors.challengeFailed();
    // Used tokens are only needed until they expire anyway (an indexed, usually empty delete).
    await this.citizen.purgeChallenges(this.clock.now().toISOString());
    const expected = Buffer.from(await this.sign(`${nonce}.${expires}.${answer}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given))
      throw citizenErrors.challengeFailed();
  }

  /** Refuses advertising, link spam, blocked words and keyboard mashing. */
  checkContent(field: string, value: string): void {
    const lower = value.toLowerCase();
    const links = lower.match(/https?:\/\/|www\./g)?.length ?? 0;
    if (links > 2 || blockedWords.some((word) => lower.includes(word.toLowerCase())))
      throw citizenErrors.blocked(field);
    if (/(.)\1{14,}/u.test(value)) throw citizenErrors.repetitive(field);
  }

  /** A keyed hash of a contact or address, for counting without indexing the raw value. */
  async keyOf(kind: 'contact' | 'address', value: string): Promise<string> {
    const normalised = kind === 'contact' ? value.replace(/[\s\-()]/g, '').toLowerCase() : value;
    return (await this.sign(`${kind}:${normalised}`)).slice(0, 32);
  }

  /** Throws 429 with a clear message when the contact or address has submitted too much. */
  async enforceLimits(contactKey: string, addressKey: string | null): Promise<void> {
    const now = this.clock.now().getTime();
    const dayAgo = new Date(now - 24 * 3600_000).toISOString();
    if (
      (await this.receptions.countSubmissionsSince('contact_key', contactKey, dayAgo)) >= contactLimitPerDay
    )
      throw citizenErrors.tooManyFromContact(contactLimitPerDay);
    const hourAgo = new Date(now - 3600_000).toISOString();
    if (
      addressKey &&
      (await this.receptions.countSubmissionsSince('address_key', addressKey, hourAgo)) >= addressLimitPerHour
    )
      throw citizenErrors.tooManyFromAddress(addressLimitPerHour);
  }
}
