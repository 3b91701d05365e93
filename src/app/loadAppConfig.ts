import { type ResolvedAppConfig, resolveAppConfig } from '../domain/appConfig';

/**
 * Reads public/config.json (a deployment edits it without rebuilding) and applies the URL's
 * parameters. A missing file means defaults; an unreadable one is reported, not fatal.
 */
export async function loadAppConfig(search: URLSearchParams, fetchImpl: typeof fetch = fetch): Promise<ResolvedAppConfig> {
  const url = `${import.meta.env.BASE_URL}config.json`;
  let file: unknown;
  const problems: string[] = [];
  try {
    const response = await fetchImpl(url, { cache: 'no-cache' });
    if (response.ok) file = await response.json();
    else if (response.status !== 404) problems.push(`config.json: HTTP ${response.status}`);
  } catch (error) {
    problems.push(`config.json: ${(error as Error).message}`);
  }
  const resolved = resolveAppConfig(file, search);
  return { config: resolved.config, problems: [...problems, ...resolved.problems] };
}
