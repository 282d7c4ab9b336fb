import { describe, expect, it } from 'vitest';
import type { BallotResults, ItemOutcome } from '../../shared/schemas/ballot-views.js';
import { nextVote } from './round-ballots.js';

const results = (outcomes: ItemOutcome[], seatsLeft: number, tied: number[] = []): BallotResults => ({
  electorate: 200,
  voted: 150,
  turnoutPercent: 75,
  ballotsCast: 150,
  fullyValid: 150,
  withInvalid: 0,
  paper: 0,
  groups: [],
  items: outcomes.map((outcome, i) => ({
    itemId: `i${i}`,
    position: i + 1,
    title: `项目${i}`,
    refId: `p${i}`,
    valid: 150,
    invalid: 0,
    counts: {},
    scoreMean: null,
    ratePercent: null,
    groups: [],
    outcome,
    rank: i + 1,
  })),
  runoffItemIds: tied.map((i) => `i${i}`),
  seatsLeft,
  consistent: true,
});

describe('whether a round needs another vote', () => {
  it('is decided when every seat is filled', () => {
    expect(nextVote(results(['elected', 'elected', 'not_elected'], 0))).toBeNull();
  });
  it('puts the tied to a run-off for the seats left', () => {
    expect(nextVote(results(['elected', 'tied', 'tied', 'not_elected'], 1, [1, 2]))).toEqual({
      projectIds: ['p1', 'p2'],
      seats: 1,
    });
  });
  it('puts the others to another vote when seats are left without a majority', () => {
    expect(nextVote(results(['elected', 'not_elected', 'not_elected', 'not_elected'], 2))).toEqual({
      projectIds: ['p1', 'p2', 'p3'],
      seats: 2,
    });
  });
  it('is decided when too few candidates are left to choose among', () => {
    expect(nextVote(results(['elected', 'not_elected', 'not_elected'], 2))).toBeNull();
  });
});
