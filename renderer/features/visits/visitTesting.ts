// Builders and helpers for the visit screens' tests. Used only by *.test.tsx.
import { fireEvent, screen } from '@testing-library/react';
import type { Visit } from '../../../shared/domain';
import type { Repository } from '../../data/repository';
import type { PhotoResizer } from './imageResizer';
import { today } from './dates';
import { readBytes } from './readBytes';

/** jsdom renders antd slowly, more so on a busy machine: wait generously for what the screen will show. */
export const WAIT = { timeout: 15000 };

type Session = { repo: Repository; delegates: { id: string }[] };

/**
 * A visit as it arrives from the office (written directly, as sync would): today only unless told otherwise,
 * inviting the session's first two delegates.
 */
export function visitFromOffice(session: Session, fields: Partial<Visit> = {}): Promise<Visit> {
  const day = today();
  return session.repo.write((w) =>
    w.create(
      'visit',
      {
        kind: 'inspection',
        topic: '农村饮水安全工程建设情况',
        sites: ['城关镇水厂', '石门村供水站'],
        startDate: day,
        endDate: day,
        invitedDelegateIds: [session.delegates[0]!.id, session.delegates[1]!.id],
        agenda: '1. 听取县水利局汇报；\n2. 实地察看。',
        status: 'planned',
        ...fields,
      },
      { actor: { kind: 'staff', id: 'office', name: '刘秘书' } },
    ),
  );
}

/** A resizer that needs no canvas: records what it was given and returns small "JPEG" bytes derived from it. */
export function fakeResizer(): PhotoResizer & { calls: number } {
  const resizer = {
    calls: 0,
    async resize(file: Blob) {
      resizer.calls++;
      const source = await readBytes(file);
      if (source[0] === 0) throw new Error('not an image');
      return { bytes: source.slice(0, 4), type: 'image/jpeg', width: 1600, height: 1200 };
    },
  };
  return resizer;
}

/** A picked photo file: its first byte tells the fake resizer whether it is "readable" (0 = not an image). */
export function photoFile(name: string, firstByte = 1, lastModified = Date.now() - 60_000): File {
  const bytes = new Uint8Array(32).fill(firstByte);
  return new File([bytes], name, { type: 'image/jpeg', lastModified });
}

/** Picks an option of an antd Select (single or multiple) by its label. */
export async function chooseOption(testId: string, label: string): Promise<void> {
  const select = screen.getByTestId(testId);
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
  const candidates = await screen.findAllByTitle(label, {}, WAIT);
  const option = candidates.filter((el) => el.classList.contains('ant-select-item-option')).at(-1);
  if (!option) throw new Error(`no option “${label}” in ${testId}`);
  fireEvent.click(option);
}

/** Types a date into an antd DatePicker and confirms it with Enter. */
export function typeDate(testId: string, value: string): void {
  const picker = screen.getByTestId(testId);
  const input = picker.tagName === 'INPUT' ? picker : picker.querySelector('input')!;
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
}
