import { describe, expect, it } from 'vitest';
import type { Failure } from '../../adapters/contract';
import { type SourceHealthInput, describeSourceProblems, staleKinds } from './describeSourceProblems';

const now = Date.parse('2026-12-05T14:10:00Z');
const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString();
const source = (patch: Partial<SourceHealthInput>): SourceHealthInput => ({
  id: 'backend',
  name: null,
  type: 'http',
  state: 'live',
  stateSince: at(60),
  attempt: 0,
  lastError: null,
  lastMessageAt: at(1),
  staleAfterMs: 10_000,
  lastResync: null,
  capabilities: { kinds: ['alert', 'station'], stream: true, acknowledgeAlert: true, history: true },
  ...patch,
});
const failing = (error: Failure, attempt = 3) => source({ state: 'reconnecting', attempt, lastError: error, lastMessageAt: at(40) });

describe('describeSourceProblems', () => {
  it.each([
    ['unreachable', { code: 'network', reason: 'backend snapshot: connect ECONNREFUSED' }, { key: 'unreachable' }],
    ['a server error with its own words', { code: 'http', reason: 'x', status: 500, detail: 'database is down' }, { key: 'http', status: 500, detail: 'database is down' }],
    ['unauthorized', { code: 'unauthorized', reason: 'x', status: 401 }, { key: 'unauthorized', status: 401 }],
    ['an HTML login page', { code: 'not-json', reason: 'x', detail: '统一身份认证 · 请登录' }, { key: 'notJson', detail: '统一身份认证 · 请登录' }],
    ['a time-out', { code: 'timeout', reason: 'backend snapshot: no answer within 15000 ms' }, { key: 'timeout' }],
    ['a missing endpoint', { code: 'not-found', reason: 'x', status: 404 }, { key: 'notFound', status: 404 }],
    ['records against the contract', { code: 'invalid', reason: 'backend snapshot: seq: expected number' }, { key: 'invalid', detail: 'backend snapshot: seq: expected number' }],
  ] as const)('explains %s, with the attempt', (_label, error, expected) => {
    const [problem] = describeSourceProblems([failing(error as Failure)], now, 15_000);
    expect(problem).toMatchObject({ ...expected, severity: 'error', attempt: 3, sourceId: 'backend' });
  });

  it('says a server is not answering once it has kept the screen waiting 5 s, and not before', () => {
    expect(describeSourceProblems([source({ state: 'connecting', stateSince: at(3), lastMessageAt: null })], now, 15_000)).toEqual([]);
    expect(describeSourceProblems([source({ state: 'connecting', stateSince: at(7), lastMessageAt: null })], now, 15_000)).toMatchObject([{ key: 'waiting', seconds: 7 }]);
  });

  it('calls a live stream that went quiet past its limit silent', () => {
    expect(describeSourceProblems([source({ lastMessageAt: at(9) })], now, 15_000)).toEqual([]);
    expect(describeSourceProblems([source({ lastMessageAt: at(11) })], now, 15_000)).toMatchObject([{ key: 'silent', seconds: 11 }]);
  });

  it('announces a restarted backend for ten minutes after it was resynchronised, after the errors', () => {
    const restarted = source({ id: 'b', lastResync: { at: at(120), reason: 'new-epoch', replaced: true, records: 80 } });
    const problems = describeSourceProblems([restarted, failing({ code: 'network', reason: 'x' })], now, 15_000);
    expect(problems.map((p) => [p.sourceId, p.key, p.severity])).toEqual([
      ['backend', 'unreachable', 'error'],
      ['b', 'restarted', 'notice'],
    ]);
    expect(describeSourceProblems([source({ lastResync: { at: at(601), reason: 'new-epoch', replaced: true, records: 80 } })], now, 15_000)).toEqual([]);
    // A cursor that merely expired is no news.
    expect(describeSourceProblems([source({ lastResync: { at: at(5), reason: 'cursor-expired', replaced: false, records: 80 } })], now, 15_000)).toEqual([]);
  });

  it('masks the server’s words by the screen’s policy', () => {
    const [problem] = describeSourceProblems([failing({ code: 'http', reason: 'x', status: 500, detail: '查询 13812345678 失败' })], now, 15_000, (text) => text.replace(/\d{11}/, '138****5678'));
    expect(problem!.detail).toBe('查询 138****5678 失败');
  });
});

describe('staleKinds', () => {
  const all = ['station', 'alert', 'gridEvent'] as const;
  it('gives the kinds a stopped source delivers, with how long ago it last spoke', () => {
    expect([...staleKinds([source({})], now, 15_000, all)]).toEqual([]);
    expect([...staleKinds([failing({ code: 'network', reason: 'x' })], now, 15_000, all)]).toEqual([
      ['alert', 40],
      ['station', 40],
    ]);
    expect([...staleKinds([source({ lastMessageAt: at(12) })], now, 15_000, all)]).toEqual([
      ['alert', 12],
      ['station', 12],
    ]);
  });

  it('takes every kind for a source that never declared its own, and leaves never-connected sources to the placeholders', () => {
    expect([...staleKinds([source({ capabilities: null, state: 'reconnecting', lastMessageAt: at(20) })], now, 15_000, all).keys()]).toEqual([...all]);
    expect([...staleKinds([source({ state: 'connecting', lastMessageAt: null })], now, 15_000, all)]).toEqual([]);
  });
});
