/**
 * Masking of personal data quoted in free text: ID numbers, mobile numbers and plates wherever
 * they stand, and the names of persons where the text says it is a person the record is about
 * (after a subject's role word: 车主, 嫌疑人, 协查 …) or where a name sits next to an ID number,
 * a phone or a plate. Officers' role words (值班, 民警) are no trigger: masking protects the
 * persons in records, not the police working them (docs: ARCHITECTURE.md, "Officers versus
 * subjects").
 *
 * @performance Runs on every text field of every record ingested. Short texts repeat (device,
 * station and village names, titles), so their masked form is remembered (rememberShortTexts).
 * Text without a digit and without a role word returns after one regex test, as the same
 * string, so interned strings stay shared.
 */
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from './chineseSurnames';
import { maskIdNumber, maskName, maskPhone, maskPlate } from './maskPersonalData';
import { rememberShortTexts } from './rememberShortTexts';

/** 18-digit (or 17 + X) ID numbers and 15-digit old ones, not part of a longer run of digits. */
const ID_NUMBER = /(?<![\dA-Za-z])(\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;
/** Mainland mobile numbers, optionally written 138-1234-5678, 138 1234 5678 or with +86 / 86 before them. */
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d{4}){2})(?!\d)/g;
/**
 * Plates: province character, city letter, optional separator, five or six characters, the last
 * of which may be 挂 (trailer), 学 (learner), 警 (police), 港 or 澳; written in either case.
 */
const PLATE = /[\u4e00-\u9fa5][A-Z][·•.\s-]?(?:[A-Z0-9]{5,6}|[A-Z0-9]{4,5}[挂学警港澳])(?![A-Z0-9])/gi;
/** The same three already masked by a backend: a name beside them is no less identifying. */
const MASKED_ANCHOR = /\d{6}\*{5,8}\d{3}[\dXx]|1\d{2}\*{4}\d{4}|[\u4e00-\u9fa5][A-Z][·•.\s-]?[A-Z0-9]\*{3,6}/gi;

/**
 * Words naming the person a record is about; a name right after one is masked. 人员 counts
 * unless an officer's word comes before it (值班人员 is the police on duty).
 */
const ROLE_WORDS = [
  '车主', '户主', '业主', '房东', '房主', '租客', '租户', '嫌疑人', '当事人', '报警人', '报案人', '求助人', '举报人',
  '被害人', '受害人', '失主', '驾驶员', '驾驶人', '司机', '乘客', '联系人', '监护人', '村民', '居民', '群众', '姓名',
  '协查', '对象', '在逃', '人员',
];
const ROLE_WORD = new RegExp(ROLE_WORDS.map((word) => (word === '人员' ? '(?<!值班|执勤|工作|执法|安保|警务)人员' : word)).join('|'), 'g');
/** The fast path's one test: every rule needs a digit or a role word. */
const WORTH_SCANNING = new RegExp(`\\d|${ROLE_WORDS.join('|')}`);

/** Between a role word or a number and the name: punctuation, spaces and a linking word (车主为王某). */
const SEPARATOR = /[\s:：,，、;；()（）[\]【】"“”'‘’\-—/|=·]/;
const LINKING_WORDS = ['名叫', '为', '是', '系', '叫'];
/** What labels a number, between a name and the number it precedes (王小明身份证330…). */
const NUMBER_LABELS = ['公民身份号码', '身份证号码', '身份证号', '身份证', '证件号码', '证件号', '联系电话', '联系方式', '电话号码', '手机号码', '手机号', '手机', '电话', '车牌号码', '车牌号', '车牌', '号码', '驾驶', '驾车', '驾'];
/** Characters that begin the next word after a name (王小明驾车, 李四男, 张三在逃), never a given name's. */
const AFTER_NAME = new Set([...'驾驶向在于的等与及已系因被涉持乘携称报身电手联男女住从到往逃曾是将把对说请骑了也都又并但号证']);
/** Places, units and things end with these; a name does not (常山县, 白石镇, 球川卡口, 嫌疑车辆). */
const NOT_A_NAME_END = new Set([...'县镇乡村市区省路街道站所局队室组院场厂店口港桥湾坞岭弄巷号车辆牌码证话机卡']);

const isHan = (char: string | undefined) => char !== undefined && char >= '\u4e00' && char <= '\u9fa5';

interface Span {
  start: number;
  end: number;
  replacement: string;
}

/** Where a name starting at `start` ends (2–4 characters, surname first), or -1. */
function nameEndAt(text: string, start: number, needsBoundary: boolean): number {
  const surnameLength = COMPOUND_SURNAMES.has(text.slice(start, start + 2)) ? 2 : SINGLE_SURNAMES.has(text[start]!) ? 1 : 0;
  if (surnameLength === 0) return -1;
  let end = start + surnameLength;
  while (end - start - surnameLength < 2 && isHan(text[end]) && !AFTER_NAME.has(text[end]!)) end += 1;
  if (end === start + surnameLength || NOT_A_NAME_END.has(text[end - 1]!)) return -1;
  if (needsBoundary && isHan(text[end]) && !AFTER_NAME.has(text[end]!)) return -1;
  return end;
}

/** Past separators and linking words. */
function skipForward(text: string, index: number, words: readonly string[]): number {
  let at = index;
  for (let previous = -1; previous !== at; ) {
    previous = at;
    while (at < text.length && SEPARATOR.test(text[at]!)) at += 1;
    const word = words.find((w) => text.startsWith(w, at));
    if (word) at += word.length;
  }
  return at;
}

/** Back past separators and number labels, from the start of a number. */
function skipBackward(text: string, index: number): number {
  let at = index;
  for (let previous = -1; previous !== at; ) {
    previous = at;
    while (at > 0 && SEPARATOR.test(text[at - 1]!)) at -= 1;
    const label = NUMBER_LABELS.find((l) => text.endsWith(l, at));
    if (label) at -= label.length;
  }
  return at;
}

const nameSpan = (text: string, start: number, end: number): Span => ({ start, end, replacement: maskName(text.slice(start, end)) });

/** Names after a role word, and any listed with them (当事人王某、李某). */
function namesAfterRoleWords(text: string, spans: Span[]): void {
  for (const match of text.matchAll(ROLE_WORD)) {
    let start = skipForward(text, match.index + match[0].length, LINKING_WORDS);
    for (let end = nameEndAt(text, start, false); end > 0; end = nameEndAt(text, start, false)) {
      spans.push(nameSpan(text, start, end));
      if (!'、和与及'.includes(text[end] ?? '.')) break;
      start = end + 1;
    }
  }
}

/** The name just before a number: the last 2–4 characters of the Han run there that read as one. */
function nameBefore(text: string, numberStart: number): Span | undefined {
  const end = skipBackward(text, numberStart);
  for (const length of [3, 2, 4]) {
    const start = end - length;
    if (start < 0 || ![...text.slice(start, end)].every(isHan)) continue;
    if (nameEndAt(text, start, false) === end) return nameSpan(text, start, end);
  }
  return undefined;
}

/** The name just after a number, set off by a separator (330822… 王小明). */
function nameAfter(text: string, numberEnd: number): Span | undefined {
  if (!SEPARATOR.test(text[numberEnd] ?? '')) return undefined;
  const start = skipForward(text, numberEnd, []);
  const end = nameEndAt(text, start, true);
  return end > 0 ? nameSpan(text, start, end) : undefined;
}

/** Masks the ID numbers, mobile numbers, plates and persons' names quoted anywhere in a text. */
export const maskFreeText = rememberShortTexts(scanFreeText);

/** maskFreeText without the memo: the scan itself, every time. */
export function scanFreeText(text: string): string {
  if (!WORTH_SCANNING.test(text)) return text;
  const numbers: Span[] = [];
  for (const match of text.matchAll(ID_NUMBER)) numbers.push({ start: match.index, end: match.index + match[0].length, replacement: maskIdNumber(match[0]) });
  for (const match of text.matchAll(MOBILE)) numbers.push({ start: match.index, end: match.index + match[0].length, replacement: maskPhone(match[1]!) });
  for (const match of text.matchAll(PLATE)) numbers.push({ start: match.index, end: match.index + match[0].length, replacement: maskPlate(match[0].toUpperCase()) });
  const anchors = [...numbers];
  for (const match of text.matchAll(MASKED_ANCHOR)) anchors.push({ start: match.index, end: match.index + match[0].length, replacement: match[0] });
  const spans = [...numbers];
  namesAfterRoleWords(text, spans);
  for (const anchor of anchors) {
    const before = nameBefore(text, anchor.start);
    const after = nameAfter(text, anchor.end);
    if (before) spans.push(before);
    if (after) spans.push(after);
  }
  if (spans.length === 0) return text;
  // In text order; where two overlap (a name both after a role word and before a number), the first wins.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let masked = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) continue;
    masked += text.slice(cursor, span.start) + span.replacement;
    cursor = span.end;
  }
  return masked + text.slice(cursor);
}
