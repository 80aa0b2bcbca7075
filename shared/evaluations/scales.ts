// The answer scales of a 评议 round: the presets the office picks from, and what counts as a valid answer.
import { DEFAULT_GRADES, SATISFACTION_GRADES, type EvaluationScale } from '../domain';

/** The presets offered when defining a round; `custom` is a grades scale the office names itself. */
export type ScalePreset = 'grades' | 'satisfaction' | 'score' | 'custom';

export const SCORE_MIN = 0;
export const SCORE_MAX = 100;

/** The scale of a preset; custom grades are the office's own lines (trimmed, empty lines dropped). */
export function scaleOfPreset(preset: ScalePreset, customGrades: readonly string[] = []): EvaluationScale {
  switch (preset) {
    case 'grades':
      return { kind: 'grades', options: [...DEFAULT_GRADES] };
    case 'satisfaction':
      return { kind: 'grades', options: [...SATISFACTION_GRADES] };
    case 'score':
      return { kind: 'score', min: SCORE_MIN, max: SCORE_MAX };
    case 'custom':
      return { kind: 'grades', options: customGrades.map((g) => g.trim()).filter(Boolean) };
  }
}

/** Which preset a stored scale is, so the round form can show it again. */
export function presetOfScale(scale: EvaluationScale): ScalePreset {
  if (scale.kind === 'score') return 'score';
  const same = (list: readonly string[]) => list.length === scale.options.length && list.every((g, i) => g === scale.options[i]);
  if (same(DEFAULT_GRADES)) return 'grades';
  if (same(SATISFACTION_GRADES)) return 'satisfaction';
  return 'custom';
}

/** A valid answer on this scale: one of the grades, or a whole score within the range. */
export function isValidAnswer(scale: EvaluationScale, value: unknown): boolean {
  if (scale.kind === 'grades') return typeof value === 'string' && scale.options.includes(value);
  return typeof value === 'number' && Number.isInteger(value) && value >= scale.min && value <= scale.max;
}

/** Bands for a score distribution: 不及格 / 60s / 70s / 80s / 90+ on 0–100, otherwise five equal ranges (or one per value). */
export function scoreBands(min: number, max: number): { from: number; to: number }[] {
  if (min === 0 && max === 100) {
    return [
      { from: 0, to: 59 },
      { from: 60, to: 69 },
      { from: 70, to: 79 },
      { from: 80, to: 89 },
      { from: 90, to: 100 },
    ];
  }
  const values = max - min + 1;
  if (values <= 5) return Array.from({ length: Math.max(values, 0) }, (_, i) => ({ from: min + i, to: min + i }));
  const width = Math.ceil(values / 5);
  const bands: { from: number; to: number }[] = [];
  for (let from = min; from <= max; from += width) bands.push({ from, to: Math.min(from + width - 1, max) });
  return bands;
}
