import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADES, SATISFACTION_GRADES } from '../domain';
import { isValidAnswer, presetOfScale, scaleOfPreset, scoreBands } from './scales';

describe('scales', () => {
  it('builds each preset and recognises it again', () => {
    expect(scaleOfPreset('grades')).toEqual({ kind: 'grades', options: [...DEFAULT_GRADES] });
    expect(scaleOfPreset('satisfaction')).toEqual({ kind: 'grades', options: [...SATISFACTION_GRADES] });
    expect(scaleOfPreset('score')).toEqual({ kind: 'score', min: 0, max: 100 });
    expect(scaleOfPreset('custom', [' 好 ', '', '较好', '一般'])).toEqual({ kind: 'grades', options: ['好', '较好', '一般'] });
    for (const preset of ['grades', 'satisfaction', 'score'] as const) expect(presetOfScale(scaleOfPreset(preset))).toBe(preset);
    expect(presetOfScale({ kind: 'grades', options: ['好', '差'] })).toBe('custom');
  });

  it('accepts grades of the scale and whole scores in range', () => {
    expect(isValidAnswer(scaleOfPreset('grades'), '称职')).toBe(true);
    expect(isValidAnswer(scaleOfPreset('grades'), '满意')).toBe(false);
    expect(isValidAnswer(scaleOfPreset('score'), 100)).toBe(true);
    expect(isValidAnswer(scaleOfPreset('score'), -1)).toBe(false);
    expect(isValidAnswer(scaleOfPreset('score'), '90')).toBe(false);
  });

  it('bands cover the whole range without overlap', () => {
    for (const [min, max] of [[0, 100], [1, 10], [1, 5], [0, 37]] as const) {
      const bands = scoreBands(min, max);
      expect(bands[0]!.from).toBe(min);
      expect(bands.at(-1)!.to).toBe(max);
      bands.slice(1).forEach((band, i) => expect(band.from).toBe(bands[i]!.to + 1));
    }
    expect(scoreBands(1, 5)).toHaveLength(5);
  });
});
