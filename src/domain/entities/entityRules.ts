/**
 * Rules that span several fields (an alert's current status must have a time, a grid event's
 * subcategory must belong to its category…). JSON Schema cannot say them, so they are plain
 * predicates: zod applies them through `withRules`, and the compiled fast validator runs the same
 * list after its structural check. One definition, two paths.
 */
import type { z } from '../z';

export interface EntityRule<T> {
  path: (string | number)[];
  message: string;
  holds(value: T): boolean;
}

export function withRules<S extends z.ZodType>(schema: S, rules: readonly EntityRule<z.output<S>>[]): S {
  return schema.superRefine((value, context) => {
    for (const rule of rules) if (!rule.holds(value)) context.addIssue({ code: 'custom', path: rule.path, message: rule.message });
  }) as S;
}
