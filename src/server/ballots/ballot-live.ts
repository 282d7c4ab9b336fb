import { EventEmitter } from 'node:events';

/**
 * Tells the live screens of this process that a ballot changed (a vote, a check-in, a close), so
 * they refresh at once instead of at their next poll. It carries only the ballot id: each screen
 * reads the counts itself, and nothing about who voted or how passes through here.
 */
export class BallotLiveHub {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open screen; a session hall may have many.
    this.emitter.setMaxListeners(0);
  }

  changed(ballotId: string): void {
    this.emitter.emit(ballotId);
  }

  subscribe(ballotId: string, listener: () => void): () => void {
    this.emitter.on(ballotId, listener);
    return () => this.emitter.off(ballotId, listener);
  }
}
