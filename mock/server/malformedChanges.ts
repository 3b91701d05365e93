/**
 * Malformed change envelopes, as raw JSON text, for the control endpoint's `malformed` fault:
 * what a broken or hostile backend sends. None of them may crash a client or reach its stores;
 * each must be counted with its reason.
 */
const HUGE = 'x'.repeat(1024 * 1024);

export function malformedChanges(count: number, seq: number): string[] {
  const samples = [
    `{"seq":${seq},"kind":"alert","op":"upsert","record":{"id":"bad-severity","version":1,"severity":9}}`,
    `{"seq":${seq},"kind":"station","op":"upsert","record":{"id":"bad-position","version":1,"updatedAt":"2026-11-23T10:00:00Z","province":"zj","county":"330822","position":[999,999],"source":"mock","stationKind":"police-station","name":"x","officersOnDuty":1}}`,
    `{"seq":${seq},"kind":"gridEvent","op":"upsert","record":{"id":"huge","version":1,"title":"${HUGE}"}}`,
    `{"seq":${seq},"kind":"ufo","op":"upsert","record":{}}`,
    `{"kind":"alert","op":"upsert","record":{"id":"no-seq"}}`,
    `{"seq":${seq},"kind":"station","op":"upsert","record":{"__proto__":{"polluted":true},"id":"proto","version":1}}`,
    `{"seq":${seq},"kind":"patrolTrack","op":"upsert","record":{"id":"nan","version":1,"position":[null,28.8]}}`,
    `{"seq":${seq},"kind":"assistRequest","op":"delete","id":"","version":-1}`,
    `"just a string"`,
    `{"seq":${seq},"kind":"alert","op":"upsert","record":{"id":"deep","nested":${'['.repeat(500)}${']'.repeat(500)}}}`,
  ];
  return Array.from({ length: count }, (_, index) => samples[index % samples.length]!);
}
