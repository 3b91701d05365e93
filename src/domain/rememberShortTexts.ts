/**
 * A pure text function that remembers its answers for short texts. Masking runs on every text
 * of every record ingested, and short texts repeat: device, station and village names, titles,
 * and the same subject's name and plate in each new version of an alert. A repeat then costs a
 * map lookup instead of a scan, and gets the very same string back.
 *
 * The memo is bounded: when full it starts over, so a wall that receives endless distinct texts
 * holds a fixed amount. Its keys are unmasked texts, held as the records that carried them were;
 * nothing reads the memo but the function it wraps, and nothing shows it.
 */

/** Longer texts (notes, summaries) rarely repeat and would make each entry cost more memory. */
const MAX_TEXT_LENGTH = 64;
/**
 * Enough for a border's devices, stations and villages; small because each entry keeps an
 * unmasked text alive that would otherwise be garbage, and bench:render's heap (≤ 1/10 of the
 * Entity page's) has no megabytes to spare: with 20k entries it measured 0.101 of it.
 */
const MAX_ENTRIES = 4096;

export function rememberShortTexts(transform: (text: string) => string, maxEntries = MAX_ENTRIES): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    if (text.length > MAX_TEXT_LENGTH) return transform(text);
    const remembered = memo.get(text);
    if (remembered !== undefined) return remembered;
    const result = transform(text);
    if (memo.size >= maxEntries) memo.clear();
    memo.set(text, result);
    return result;
  };
}
