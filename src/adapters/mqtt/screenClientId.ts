/**
 * An MQTT client id for this screen: the source id and a random part, kept in the tab's
 * sessionStorage so a reload resumes the same broker session. Not localStorage: two windows of one
 * wall share it, and two connections with one client id take the session from each other in turn.
 */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

function tabStorage(): KeyValueStorage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    // A sandboxed frame throws on access: the id then lasts as long as the page.
    return undefined;
  }
}

export function screenClientId(sourceId: string, storage: KeyValueStorage | undefined = tabStorage(), random: () => number = Math.random): string {
  const key = `safe-border.mqtt-client-id.${sourceId}`;
  try {
    const kept = storage?.getItem(key);
    if (kept && /^[A-Za-z0-9._-]{1,64}$/.test(kept)) return kept;
  } catch {
    /* unreadable storage: a fresh id below */
  }
  const suffix = Array.from({ length: 10 }, () => Math.floor(random() * 36).toString(36)).join('');
  const id = `sb-${sourceId.slice(0, 40)}-${suffix}`;
  try {
    storage?.setItem(key, id);
  } catch {
    /* full or refused: the id lasts as long as the page */
  }
  return id;
}
