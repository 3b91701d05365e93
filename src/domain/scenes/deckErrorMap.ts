/**
 * Words for the zod issues a deck author meets that the deck schema does not word itself: a
 * missing field, a wrong type, a misspelt field, a value outside a list. Decks are written by
 * hand, so "Invalid input: expected number, received undefined" becomes "is required".
 */
import type { z } from '../z';

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

const quote = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value));

export const deckErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map(quote).join(', ')}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quote(issue.values[0])}`
        : `${quote(issue.input)} is not one of ${issue.values.map(quote).join(', ')}`;
    default:
      return undefined;
  }
};
