// The browser tests drive a Chromium that npm does not install (playwright-core brings no
// browser): Debian's /usr/bin/chromium, or the one CHROMIUM_PATH points at.
import { existsSync } from 'node:fs';

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** One line saying what is missing and how to get it, or null when Chromium is there. */
export function missingChromium() {
	const at = chromiumPath();
	if (existsSync(at)) return null;
	return `Browser tests not run: no Chromium at ${at}. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.`;
}
