import type { PlanAreaStatus } from '$lib/domain';

/** Badge classes of app.css per status; the label always says it in words too. */
export const statusBadge: Record<PlanAreaStatus, string> = {
	not_started: 'badge',
	under_analysis: 'badge open',
	measures_under_way: 'badge warn',
	established: 'badge ok'
};
