/**
 * Privacy by policy: a kind's schema decides what is masked, not a list of text fields. Every
 * string the schema declares is text and passes maskFreeText, unless it is a key logic matches on
 * (an id, a province, county or town code, a time: KEY_STRING_SCHEMAS) or an enum; a field with a
 * masker of its own (a subject's name, ID number, phone, plate) gets that one. So a text field a
 * later schema adds is masked without anyone remembering to.
 *
 * @performance Built once per kind; a record costs a property read per text field and one regex
 * test per string. Only what changes is copied (the record and the objects on the way to a masked
 * string); a record with nothing to mask comes back as the same object, and parts without text
 * (track points, grid rings, months) are never walked.
 */
import { KEY_STRING_SCHEMAS } from './entities/entityBase';
import { maskFreeText } from './maskFreeText';
import { rememberShortTexts } from './rememberShortTexts';
import type { z } from './z';

/** Shares one copy of a repeated value; masking makes many equal strings (浙H·1****, 张*). */
export type Intern = (value: string) => string;

/** Masks a value, returning the very same value when nothing in it changed. */
type TextMasker = (value: unknown, intern: Intern) => unknown;

/** A masker for a whole field, by path (`subject.name`; arrays add no segment: `gridWorkers.name`). */
export type FieldMaskers = Readonly<Record<string, (value: string) => string>>;

/** The parts of zod's definitions this reads (zod 4's `_zod.def`). */
interface SchemaDefinition {
  type: string;
  format?: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  valueType?: z.ZodType;
}

const FIELD_MEMO_ENTRIES = 1024;

const definitionOf = (schema: z.ZodType) => schema._zod.def as unknown as SchemaDefinition;

const maskString: TextMasker = (value) => (typeof value === 'string' ? maskFreeText(value) : value);

/** For what a schema leaves open (a union, `unknown`): every string inside is text. */
const maskEveryString: TextMasker = (value, intern) => {
  if (typeof value === 'string') return maskFreeText(value);
  if (typeof value !== 'object' || value === null) return value;
  return Array.isArray(value) ? maskElements(value, maskEveryString, intern) : maskEntries(value as Record<string, unknown>, maskEveryString, intern);
};

function maskElements(array: readonly unknown[], mask: TextMasker, intern: Intern): readonly unknown[] {
  let copy: unknown[] | undefined;
  for (let index = 0; index < array.length; index++) {
    const masked = mask(array[index], intern);
    if (masked !== array[index]) (copy ??= array.slice())[index] = masked;
  }
  return copy ?? array;
}

/** Every value of an object whose keys the schema leaves open. */
function maskEntries(object: Record<string, unknown>, mask: TextMasker, intern: Intern): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const [key, field] of Object.entries(object)) {
    const masked = mask(field, intern);
    if (masked !== field) (copy ??= { ...object })[key] = masked;
  }
  return copy ?? object;
}

function objectMasker(fields: readonly (readonly [string, TextMasker])[]): TextMasker {
  return (value, intern) => {
    if (typeof value !== 'object' || value === null) return value;
    const object = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const [key, mask] of fields) {
      const field = object[key];
      if (field === undefined) continue;
      const masked = mask(field, intern);
      // Only fields the record has are written: adding absent ones would change its shape.
      if (masked !== field) (copy ??= { ...object })[key] = masked;
    }
    return copy ?? object;
  };
}

function compile(schema: z.ZodType, path: string, fieldMaskers: FieldMaskers): TextMasker | undefined {
  const own = fieldMaskers[path];
  if (own) {
    // Each version of a record repeats its subject, reporter or workers; fewer entries than free
    // text, as there is one memo per such field.
    const remembered = rememberShortTexts(own, FIELD_MEMO_ENTRIES);
    return (value, intern) => (typeof value === 'string' ? intern(remembered(value)) : value);
  }
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'string':
      return KEY_STRING_SCHEMAS.has(schema) || definition.format === 'datetime' ? undefined : maskString;
    case 'enum':
    case 'literal':
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'null':
    case 'undefined':
    case 'date':
      return undefined;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return compile(definition.innerType!, path, fieldMaskers);
    case 'pipe':
      // What a record holds is the input's shape plus what transforms derive (numbers so far).
      return compile(definition.in!, path, fieldMaskers);
    case 'object': {
      const fields = Object.entries(definition.shape!).flatMap(([key, field]) => {
        const mask = compile(field, path ? `${path}.${key}` : key, fieldMaskers);
        return mask ? [[key, mask] as const] : [];
      });
      return fields.length > 0 ? objectMasker(fields) : undefined;
    }
    case 'array': {
      const mask = compile(definition.element!, path, fieldMaskers);
      return mask && ((value, intern) => (Array.isArray(value) ? maskElements(value, mask, intern) : value));
    }
    case 'tuple': {
      const masks = definition.items!.map((item) => compile(item, path, fieldMaskers));
      if (masks.every((mask) => mask === undefined)) return undefined;
      return (value, intern) => {
        if (!Array.isArray(value)) return value;
        let copy: unknown[] | undefined;
        masks.forEach((mask, index) => {
          const masked = mask ? mask(value[index], intern) : value[index];
          if (masked !== value[index]) (copy ??= value.slice())[index] = masked;
        });
        return copy ?? value;
      };
    }
    case 'record': {
      const mask = compile(definition.valueType!, path, fieldMaskers);
      return mask && ((value, intern) => (typeof value === 'object' && value !== null ? maskEntries(value as Record<string, unknown>, mask, intern) : value));
    }
    default:
      return maskEveryString;
  }
}

/**
 * The masker of one kind's records, from its schema. `fieldMaskers` name the fields masked whole
 * (their results go through the caller's intern); every other text field is free text.
 */
export function compileTextMasker(schema: z.ZodType, fieldMaskers: FieldMaskers = {}): (record: unknown, intern: Intern) => unknown {
  const mask = compile(schema, '', fieldMaskers);
  return mask ?? ((record) => record);
}
