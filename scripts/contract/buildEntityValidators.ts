/**
 * Compiles the entity JSON Schemas into plain validation functions ahead of time (ajv's
 * standalone code), written to src/domain/generated/. Why: the dashboard's CSP forbids eval, so
 * zod must run jitless, and jitless zod costs 5–45 µs a record; a year of border events and 100k
 * records a second need a few µs. The compiled functions check structure, strip unknown keys as
 * zod does, and run no eval; the cross-field rules and error messages stay zod's (see
 * validateRecords.ts). A test proves both paths accept and reject exactly the same records.
 */
import Ajv2020 from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import { ENTITY_KINDS } from '../../src/domain/entities/entityKinds';
import { entityJsonSchemas } from './buildContractDocuments';

type JsonObject = Record<string, unknown>;

/**
 * zod strips keys a schema does not name; JSON Schema keeps them unless told otherwise. Marking
 * every object that lists its properties `additionalProperties: false` lets ajv's
 * `removeAdditional` strip them the same way (objects used as maps keep theirs).
 */
function stripUnknownKeys(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripUnknownKeys);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = stripUnknownKeys(value);
  if (copy.type === 'object' && copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

/** ajv's string length counts code points; inlined so the generated module needs no ajv at run time. */
const UCS2_LENGTH = `function ucs2length(text) {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    length++;
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if ((next & 0xfc00) === 0xdc00) index++;
    }
  }
  return length;
}`;

/**
 * ajv counts code points for every min/maxLength, a loop over the whole string, several times a
 * record. A code point is one or two UTF-16 units, so `text.length` already settles most checks,
 * as zod settles them: a string can exceed N code points only if it exceeds N units, and can fall
 * short of N code points only if it has fewer than 2N units. The count runs only in between.
 */
function guardLengthChecks(code: string, counters: readonly string[]): string {
  let guarded = code;
  for (const counter of counters) {
    const calls = guarded.split(`${counter}(`).length - 1;
    let rewritten = 0;
    guarded = guarded.replace(new RegExp(`\\b${counter}\\((\\w+)\\) ([<>]) (\\d+)`, 'g'), (_all, value: string, comparison: string, limit: string) => {
      rewritten += 1;
      const unitsAllow = comparison === '>' ? `${value}.length > ${limit}` : `${value}.length < ${2 * Number(limit)}`;
      return `(${unitsAllow} && ${counter}(${value}) ${comparison} ${limit})`;
    });
    if (rewritten !== calls) throw new Error(`${calls - rewritten} string length checks have a form the generator does not guard`);
  }
  return guarded;
}

/**
 * ajv's validators take an options object (`{instancePath, parentData, rootData, dynamicAnchors}`)
 * whose defaults build two objects a call, once per record. Ours are called with the data alone
 * and read only `instancePath` (in error paths), so that stays, as a plain default.
 */
function withoutOptionsObject(code: string): string {
  const signature = /function (validate\d+)\(data, \{instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors=\{\}\}=\{\}\)/g;
  const rewritten = code.replace(signature, 'function $1(data, instancePath = "")');
  if (/\b(parentData|parentDataProperty|rootData|dynamicAnchors)\b/.test(rewritten)) throw new Error('the generated validators read more of their options than instancePath');
  return rewritten;
}

export function buildEntityValidatorsModule(): { javascript: string; declarations: string } {
  const ajv = new Ajv2020({
    code: { source: true, esm: true, lines: false },
    strict: false,
    allErrors: false,
    messages: false,
    removeAdditional: true,
    // Fields zod defaults (a KPI's scope) are filled in on the fast path too, so both paths agree.
    useDefaults: true,
  });
  // The schemas carry zod's own date-time pattern; the format keyword adds nothing to check.
  ajv.addFormat('date-time', true);
  const schemas = entityJsonSchemas();
  for (const kind of ENTITY_KINDS) ajv.addSchema(stripUnknownKeys({ ...schemas[kind], $id: kind }) as JsonObject, kind);
  let code = standaloneCode(ajv, Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, kind])));
  const runtimeImport = /const (\w+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/g;
  const names = [...code.matchAll(runtimeImport)].map((match) => match[1]!);
  code = code.replace(runtimeImport, '');
  if (/require\(/.test(code)) throw new Error('the generated validators still require an ajv runtime module');
  if (/new Function|eval\(/.test(code)) throw new Error('the generated validators would need eval');
  code = guardLengthChecks(code, names);
  code = withoutOptionsObject(code);
  const header =
    '// Generated by `npm run contract` from the zod entity schemas (scripts/contract/buildEntityValidators.ts).\n' +
    '// Do not edit: a test fails when this file is stale.\n/* eslint-disable */\n';
  const aliases = names.map((name) => `const ${name} = ucs2length;`).join('\n');
  const javascript = `${header}${UCS2_LENGTH}\n${aliases}\n${code.replace(/^"use strict";/, '')}\n`;
  const declarations =
    '// Generated by `npm run contract`. Each function checks one entity kind\'s structure and strips unknown keys in place.\n' +
    ENTITY_KINDS.map((kind) => `export declare const ${kind}: (data: unknown) => boolean;`).join('\n') +
    '\n';
  return { javascript, declarations };
}
