// 视察纪要 (调研纪要) as a Word document in the office's official layout: title; 一、基本情况 (time, place, organiser,
// agenda); 二、参加人员 (counts and a row per delegate); the office's report; the delegates' field notes; the
// proposals that came of the visit; the chosen photos, each scaled to the text width with a caption naming who took
// it and when; 落款 and date. Pure: plain data and photo bytes in, .docx bytes out.
import { AlignmentType, ImageRun, Paragraph, type Table } from 'docx';
import type { Visit } from '../../domain';
import { formatChinaDateTime, toCalendarDate } from '../../lifecycle';
import { chineseNumeral } from '../../meetings/numerals';
import { TEXT_HEIGHT } from '../../reports/docx/layout';
import { chineseDate } from '../../reports/labels';
import {
  bodyParagraph,
  bodyParagraphs,
  headingParagraph,
  officialTable,
  packOfficialDocument,
  signatureParagraphs,
  singleLine,
  smallParagraph,
  TEXT_WIDTH_PX,
  titleParagraph,
} from '../../reports/official/officialDocx';
import type { InvitationAnswer } from '../attendance';
import type { ImageFormat } from './imageInfo';

export interface VisitSummaryAttendee {
  name: string;
  delegateNumber?: string;
  answer: InvitationAnswer;
  /** 签到时间 (ISO instant) */
  checkedInAt?: string;
  /** False for a delegate who answered but was later taken off the invitation list */
  invited: boolean;
}

export interface VisitSummaryPhoto {
  /** The synced (resized) copy */
  bytes: Uint8Array;
  format: ImageFormat;
  /** Pixel size of `bytes` */
  width: number;
  height: number;
  caption: string;
  /** Who took it */
  takenBy: string;
  /** When (ISO instant) */
  takenAt?: string;
}

export interface VisitSummaryInput {
  kind: Visit['kind'];
  topic: string;
  /** yyyy-mm-dd */
  startDate: string;
  endDate: string;
  sites: readonly string[];
  /** 组织活动组 */
  organiser?: string;
  agenda?: string;
  attendees: readonly VisitSummaryAttendee[];
  /** 视察报告 written by the office */
  summary: string;
  /** 代表视察记录: each delegate's notes */
  fieldNotes: readonly { name: string; notes: string }[];
  /** 由本次视察提出的提议: title and a short description ("提议，已立案") */
  proposals: readonly { title: string; description?: string }[];
  /** The photos chosen for the document, in order */
  photos: readonly VisitSummaryPhoto[];
  /** 落款 */
  issuer?: string;
  /** When the export is made (ISO instant): the document's date */
  exportedAt: string;
}

const ANSWER_LABELS: Readonly<Record<InvitationAnswer, string>> = { accepted: '参加', declined: '不参加', pending: '未答复' };

/** 视察 or 调研: the word the whole document uses. */
const activityOf = (kind: Visit['kind']) => (kind === 'research' ? '调研' : '视察');

export function visitSummaryTitle(input: Pick<VisitSummaryInput, 'kind' | 'topic'>): string {
  const topic = input.topic.trim();
  const activity = activityOf(input.kind);
  return topic.startsWith('关于') ? `${topic}${activity}纪要` : `关于${topic}的${activity}纪要`;
}

function chineseDateTime(iso: string): string {
  const [date, time] = formatChinaDateTime(iso).split(' ');
  return `${chineseDate(date!)} ${time}`;
}

function dateText(start: string, end: string): string {
  return start === end ? chineseDate(start) : `${chineseDate(start)}至${chineseDate(end)}`;
}

function basicFacts(input: VisitSummaryInput): Paragraph[] {
  const agenda = (input.agenda ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const sites = input.sites.map((s) => s.trim()).filter(Boolean);
  return [
    bodyParagraph(`时间：${dateText(input.startDate, input.endDate)}`),
    ...(sites.length ? [bodyParagraph(`地点：${sites.join('、')}`)] : []),
    ...(input.organiser ? [bodyParagraph(`组织：${input.organiser}`)] : []),
    ...(agenda.length ? [bodyParagraph(`议程：${agenda[0]}`), ...agenda.slice(1).map(bodyParagraph)] : []),
  ];
}

function attendanceSentence(attendees: readonly VisitSummaryAttendee[]): string {
  const invited = attendees.filter((a) => a.invited);
  const count = (answer: InvitationAnswer) => invited.filter((a) => a.answer === answer).length;
  const checkedIn = attendees.filter((a) => a.checkedInAt).length;
  return `邀请党代表${invited.length}人，参加${count('accepted')}人，不参加${count('declined')}人，未答复${count('pending')}人；现场签到${checkedIn}人。`;
}

function attendanceTable(attendees: readonly VisitSummaryAttendee[]): Table {
  return officialTable({
    columns: [
      { title: '序号', width: 2, align: 'center' },
      { title: '姓名', width: 6 },
      { title: '代表证号', width: 3, align: 'center' },
      { title: '答复', width: 3, align: 'center' },
      { title: '签到时间', width: 5, align: 'center' },
    ],
    rows: attendees.map((a, i) => [
      String(i + 1),
      a.invited ? a.name : `${a.name}（已不在邀请名单）`,
      a.delegateNumber ?? '—',
      ANSWER_LABELS[a.answer],
      a.checkedInAt ? formatChinaDateTime(a.checkedInAt) : '—',
    ]),
  });
}

/** Largest picture on the page: the text block's width, and at most 60% of its height so the caption fits below. */
const PHOTO_MAX_HEIGHT_PX = Math.floor((TEXT_HEIGHT / 1440) * 96 * 0.6);

/** A photo's shown size in pixels at 96 dpi: as wide as the text block, unless that would make it too tall. */
export function photoDisplaySize(photo: Pick<VisitSummaryPhoto, 'width' | 'height'>): { width: number; height: number } {
  const scale = Math.min(TEXT_WIDTH_PX / photo.width, PHOTO_MAX_HEIGHT_PX / photo.height);
  return { width: Math.max(1, Math.round(photo.width * scale)), height: Math.max(1, Math.round(photo.height * scale)) };
}

/** "图1 供水站沉淀池（张建国 摄，2026年5月12日 10:15）" */
export function photoCaption(photo: Pick<VisitSummaryPhoto, 'caption' | 'takenBy' | 'takenAt'>, index: number): string {
  const credit = [`${photo.takenBy} 摄`, ...(photo.takenAt ? [chineseDateTime(photo.takenAt)] : [])].join('，');
  const caption = photo.caption.trim();
  return `图${index + 1}${caption ? ` ${caption}` : ''}（${credit}）`;
}

function photoParagraphs(photo: VisitSummaryPhoto, index: number): Paragraph[] {
  const caption = photoCaption(photo, index);
  return [
    new Paragraph({
      children: [
        new ImageRun({
          type: photo.format,
          data: photo.bytes,
          transformation: photoDisplaySize(photo),
          altText: { name: `图${index + 1}`, description: caption, title: caption },
        }),
      ],
      alignment: AlignmentType.CENTER,
      spacing: { ...singleLine, before: 240 },
      keepNext: true,
    }),
    smallParagraph(caption, 'center'),
  ];
}

/** The sections in order, each numbered 一、二、… as it comes (empty ones are left out). */
function sections(input: VisitSummaryInput): { heading: string; body: (Paragraph | Table)[] }[] {
  const activity = activityOf(input.kind);
  const notes = input.fieldNotes.filter((n) => n.notes.trim());
  const summary = bodyParagraphs(input.summary);
  return [
    { heading: '基本情况', body: basicFacts(input) },
    { heading: '参加人员', body: [bodyParagraph(attendanceSentence(input.attendees)), ...(input.attendees.length ? [attendanceTable(input.attendees)] : [])] },
    { heading: `${activity}情况`, body: summary.length ? summary : [bodyParagraph(`（未填写${activity}报告）`)] },
    ...(notes.length
      ? [
          {
            heading: `代表${activity}记录`,
            body: notes.flatMap((n, i) => [headingParagraph(`（${chineseNumeral(i + 1)}）${n.name}`, 2), ...bodyParagraphs(n.notes)]),
          },
        ]
      : []),
    ...(input.proposals.length
      ? [
          {
            heading: `由本次${activity}提出的提议`,
            body: input.proposals.map((p, i) => bodyParagraph(`${i + 1}. ${p.title.trim() || '（未填写案由）'}${p.description ? `（${p.description}）` : ''}`)),
          },
        ]
      : []),
    ...(input.photos.length ? [{ heading: '现场照片', body: input.photos.flatMap(photoParagraphs) }] : []),
  ];
}

/** The 视察纪要 as .docx bytes. */
export async function buildVisitSummaryDocx(input: VisitSummaryInput): Promise<Uint8Array<ArrayBuffer>> {
  const title = visitSummaryTitle(input);
  const children: (Paragraph | Table)[] = [titleParagraph(title)];
  sections(input).forEach((section, i) => children.push(headingParagraph(`${chineseNumeral(i + 1)}、${section.heading}`, 1), ...section.body));
  const date = chineseDate(toCalendarDate(new Date(input.exportedAt)));
  children.push(...signatureParagraphs([...(input.issuer?.trim() ? [input.issuer.trim()] : []), date]));
  return packOfficialDocument({ title, children });
}
