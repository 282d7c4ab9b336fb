import { describe, expect, it } from 'vitest';
import { problemList } from './problem-list.js';

describe('problemList', () => {
  it('splits the submission checks after the lead-in', () => {
    expect(
      problemList(
        '提交前请修改：「案据」至少 20 个字；「建议」不能为空；内容可能属于「信访件」（涉及：信访、上访）',
      ),
    ).toEqual(['「案据」至少 20 个字', '「建议」不能为空', '内容可能属于「信访件」（涉及：信访、上访）']);
  });

  it('keeps a sentence without a list whole', () => {
    expect(problemList('当前状态为「审查中」，不能提交。')).toEqual(['当前状态为「审查中」，不能提交。']);
    expect(problemList(null)).toEqual([]);
  });
});
