/** Builds a URL with the given query parameters, leaving out empty ones. */
export function withQuery(path: string, params: Record<string, string | null | undefined>): string {
	const entries = Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
	return entries.length ? `${path}?${new URLSearchParams(entries)}` : path;
}
