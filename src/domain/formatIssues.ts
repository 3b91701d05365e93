/**
 * Turns zod issues into one line each, `path: message`, with the path written the way a
 * developer would index the JSON (`counties[2].geometry[0][0][5][1]`).
 */
import type { z } from './z';

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
  }
  return text === '' ? '(root)' : text;
}

export function formatIssues(error: z.ZodError, limit = 20): string[] {
  const lines = error.issues.slice(0, limit).map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
  if (error.issues.length > limit) lines.push(`… and ${error.issues.length - limit} more`);
  return lines;
}
