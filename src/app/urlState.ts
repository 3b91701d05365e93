/**
 * Mode state lives in the URL, so a wall is configured by its URL alone and a reload resumes
 * where it was (the briefing's slide, the duty filters, the playhead). Replaced in place: the
 * browser's history is not filled with every filter click.
 */
export function replaceUrlParams(patch: Record<string, string | null>): void {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(patch)) {
    if (value === null || value === '') url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}
