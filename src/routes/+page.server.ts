import { requireActor } from '$lib/server/http';
import { individualPlansOfEmployee } from '$lib/server/individual-plans/service';
import { listRounds, myOpenRounds } from '$lib/server/rounds/service';
import { overdueIndividualPlanFollowUps } from '$lib/server/individual-plans/counts';
import { unreportedSeriousCount } from '$lib/server/incidents/service';
import { groupPlansToAttend } from '$lib/server/group-plans/service';
import { workloadPromptDue } from '$lib/server/workload/service';
import { myIntroductionProgress } from '$lib/server/introductions/service';
import { WORKLOAD_QUESTION, workloadLevelLabel } from '$lib/server/workload/rules';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const db = event.locals.db;
	const rounds = await listRounds(db, actor);
	const groupPlans = await groupPlansToAttend(db, actor);
	const brief = (g: { id: string; unit: { name: string }; followUpOn: string }) => ({ id: g.id, unitName: g.unit.name, followUpOn: g.followUpOn });
	return {
		name: actor.name,
		openRounds: (await myOpenRounds(db, actor)).map((r) => ({
			id: r.round.id,
			name: r.round.name,
			closesAt: r.round.closesAt,
			answeredAt: r.answeredAt,
			remindedAt: r.remindedAt,
			reminder: r.reminder
		})),
		myPlans: (await individualPlansOfEmployee(db, actor))
			.filter((p) => p.plan.status === 'offered' || p.plan.status === 'active')
			.map((p) => ({ id: p.plan.id, followUpOn: p.plan.followUpOn, managerName: p.managerName })),
		latestRounds: rounds.slice(0, 3).map((r) => ({ id: r.id, name: r.name, status: r.status, closesAt: r.closesAt })),
		overduePlans: await overdueIndividualPlanFollowUps(db, actor),
		groupPlans: groupPlans.asMember.map(brief),
		overdueGroupPlans: groupPlans.overdue.map(brief),
		unreportedSerious: await unreportedSeriousCount(db, actor),
		/** The new employee's programme under way, for the start page's card. */
		introduction: await myIntroductionProgress(db, actor),
		/** The weekly workload question, unless answered or put away this week. */
		workloadPrompt: (await workloadPromptDue(db, actor)) ? { question: WORKLOAD_QUESTION, labels: workloadLevelLabel } : null
	};
};
