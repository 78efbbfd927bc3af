/**
 * Tables in a sideways-scrolling box (`.table-wrap`, `.table-scroll`) must be reachable by
 * keyboard when they do scroll (WCAG 2.1.1; axe: scrollable-region-focusable). A box that
 * scrolls becomes a labelled, focusable region; one that fits is left out of the tab order, so
 * keyboard users get no extra stops for tables that need none. Runs in the browser only.
 */
const SELECTOR = '.table-wrap, .table-scroll';

function labelOf(box: HTMLElement): string {
	const table = box.querySelector('table');
	const caption = table?.querySelector('caption')?.textContent?.trim();
	const labelledBy = table?.getAttribute('aria-labelledby');
	const byId = labelledBy ? document.getElementById(labelledBy)?.textContent?.trim() : undefined;
	const heading = box.previousElementSibling?.matches('h2, h3, h4') ? box.previousElementSibling.textContent?.trim() : undefined;
	return caption || byId || table?.getAttribute('aria-label') || heading || 'Tabell';
}

export function markScrollRegions(root: ParentNode = document): void {
	for (const box of root.querySelectorAll<HTMLElement>(SELECTOR)) {
		const scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
		if (scrolls && box.dataset.scrollRegion !== 'on') {
			box.tabIndex = 0;
			box.setAttribute('role', 'region');
			box.setAttribute('aria-label', `${labelOf(box)} (rulla i sidled)`);
			box.dataset.scrollRegion = 'on';
		} else if (!scrolls && box.dataset.scrollRegion === 'on') {
			box.removeAttribute('tabindex');
			box.removeAttribute('role');
			box.removeAttribute('aria-label');
			delete box.dataset.scrollRegion;
		}
	}
}

/** Keeps the marks right as pages change, details open and the window is resized; returns a stop function. */
export function watchScrollRegions(root: HTMLElement = document.body): () => void {
	let queued = false;
	const again = () => {
		if (queued) return;
		queued = true;
		requestAnimationFrame(() => {
			queued = false;
			markScrollRegions(root);
		});
	};
	const observer = new MutationObserver(again);
	observer.observe(root, { childList: true, subtree: true });
	window.addEventListener('resize', again);
	root.addEventListener('toggle', again, true);
	markScrollRegions(root);
	return () => {
		observer.disconnect();
		window.removeEventListener('resize', again);
		root.removeEventListener('toggle', again, true);
	};
}
