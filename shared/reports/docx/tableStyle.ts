import { AlignmentType, LineRuleType } from 'docx';
import type { IParagraphStyleOptions, ISpacingProperties } from 'docx';
import { runFont } from './fonts';
import type { OfficeFont } from './fonts';
import { halfPoints } from './layout';

/** Table text sits on an exact line of 1.3× its size, outside the body's 22-line grid. */
export const tableLine = (pt: number): ISpacingProperties => ({ line: Math.round(pt * 1.3 * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** A paragraph style for table cells: one font and size, left or centred, no first-line indent. */
export function tableStyle(id: string, name: string, font: OfficeFont, pt: number, center: boolean): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: 'Normal',
    quickFormat: false,
    run: { font: runFont(font), size: halfPoints(pt) },
    paragraph: { spacing: tableLine(pt), alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT, indent: { firstLine: 0 } },
  };
}
