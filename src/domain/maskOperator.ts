/**
 * Who steered a wall, as a console shows it: the text any screen masks (ID and phone numbers,
 * plates, names beside them or beside a role), and a text that is a person's name alone (an
 * operator signed in as "张建国") masked as a name, surname kept.
 */
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from './chineseSurnames';
import { maskFreeText } from './maskFreeText';
import { maskName } from './maskPersonalData';

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;

function readsAsName(text: string): boolean {
  if (!HAN_NAME.test(text)) return false;
  return COMPOUND_SURNAMES.has(text.slice(0, 2)) || SINGLE_SURNAMES.has(text[0]!);
}

export function maskOperator(text: string): string {
  const trimmed = text.trim();
  return readsAsName(trimmed) ? maskName(trimmed) : maskFreeText(text);
}
