import { orErrorPage, requireActor } from '$lib/server/http';
import { teamWorkload } from '$lib/server/workload/service';
import { HIGH_LOAD, workloadLevelLabel, workloadSignalLabel } from '$lib/server/workload/rules';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const members = await orErrorPage(() => teamWorkload(event.locals.db, actor));
	return { members, labels: workloadLevelLabel, signalLabels: workloadSignalLabel, high: HIGH_LOAD };
};
