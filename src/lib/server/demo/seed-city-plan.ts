/**
 * Demo data for the action plan follow-up, on top of the demo organisation: a plausible year of
 * the lokala styrgruppernas work in four förvaltningar (states, delmål, activities, follow-ups
 * at T2 and VB, staff suggestions with answers), a few started areas in the others, and
 * individual action plans offered by managers during the year. Deterministic, like the rest.
 *
 * Kept clear of what the browser tests use: nothing for the demo caseworkers' own accounts, and
 * the area "Medhandläggarskap" is left untouched in Norrvik.
 */
import type { ActivityArea, IncidentForm, IncidentSupport, PlanAreaStatus, PlanFollowUpPeriod, Statement } from '$lib/domain';
import { query, sql, type Db } from '../db/client';
import {
	individualPlans,
	incidentReaders,
	incidents,
	people,
	cityPlanActivities,
	cityPlanAreaStates,
	cityPlanChanges,
	cityPlanFollowUps,
	cityPlanSubgoals,
	cityPlanSuggestions
} from '../db/schema';
import { nearestManagerRoleSql } from '../access/rules';
import { insertChunked } from './factories';
import { Random } from './random';

const DAY = 24 * 60 * 60 * 1000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The förvaltningar that have worked through a whole year of the plan. */
const ACTIVE_FORVALTNINGAR = [
	'Norrviks stadsdelsförvaltning',
	'Ekbacka stadsdelsförvaltning',
	'Lindåsens stadsdelsförvaltning',
	'Tallmons stadsdelsförvaltning'
];
/** Left untouched in the demo förvaltning so the browser test works on a clean area. */
const UNTOUCHED_IN_DEMO = 'co_handling';
const DEMO_ACCOUNTS = ['socialsekreterare@exempelstad.se', 'bistandshandlaggare@exempelstad.se'];

interface GoalTemplate {
	title: string;
	link?: { statement: Statement; metric: 'mean' | 'share_high' | 'share_low'; target: number };
}

interface AreaContent {
	assessment: [string, string, string];
	goals: GoalTemplate[];
	activities: string[];
}

/** Per built-in area: assessments (early, under way, established), delmål and activities. */
const CONTENT: Record<string, AreaContent> = {
	user_participation: {
		assessment: [
			'Brukarundersökningar görs i äldreomsorgen, men resultaten når sällan handläggarna.',
			'Brukarnas synpunkter samlas in efter avslutade utredningar och tas upp på APT varje tertial.',
			'Återkopplingen från brukare är en del av enheternas verksamhetsplanering.'
		],
		goals: [{ title: 'Alla enheter har en rutin för att återkoppla brukarundersökningens resultat till handläggarna.' }],
		activities: ['Ta fram rutin för återkoppling av brukarundersökningen', 'Pröva en kort enkät till brukare efter avslutad utredning']
	},
	introduction_mentorship: {
		assessment: [
			'Introduktionsprogrammet på sex månader finns i barn och unga men inte i de andra avdelningarna.',
			'Alla avdelningar har infört introduktionsprogrammet. Mentorerna behöver mer tid avsatt.',
			'Alla nyanställda handläggare får en mentor och ett introduktionsprogram på sex månader.'
		],
		goals: [
			{ title: 'Alla nyanställda socialsekreterare och biståndshandläggare har en utsedd mentor från första dagen.' },
			{ title: 'Nyanställda kan rekommendera arbetsplatsen: minst 4,2 i snitt.', link: { statement: 'recommend', metric: 'mean', target: 4.2 } }
		],
		activities: ['Utbilda mentorer i alla avdelningar', 'Gemensam introduktionsdag för nyanställda varje kvartal']
	},
	manager_span_reporting: {
		assessment: [
			'Flera enhetschefer har fler än 25 medarbetare. Mätningen rapporteras till avdelningschef vid T2 och VB.',
			'Biträdande enhetschefer är inrättade i de största enheterna. Genomgången med avdelningschef följer rutinen.',
			'Ingen första linjens chef har fler än 20 medarbetare.'
		],
		goals: [
			{ title: 'Högst 20 medarbetare per första linjens chef.' },
			{ title: 'Minst hälften svarar 5–6 på ”Jag har en bra arbetssituation.”', link: { statement: 'situation', metric: 'share_high', target: 50 } }
		],
		activities: ['Inrätta biträdande enhetschef i de största enheterna', 'Rutin för genomgång av mätningen med avdelningschef efter T2 och VB']
	},
	competence_forum: {
		assessment: [
			'Det finns inget gemensamt forum för kompetensutveckling.',
			'Ett lokalt kompetensforum har startat, med föreläsningar varannan månad.',
			'Kompetensforumet planeras av en grupp medarbetare och hålls fyra gånger om året.'
		],
		goals: [{ title: 'Kompetensforum hålls minst fyra gånger per år, med program som medarbetarna har tagit fram.' }],
		activities: ['Planera årets kompetensforum tillsammans med medarbetarna', 'Föreläsning om samtal med barn']
	},
	close_leadership: {
		assessment: [
			'Medarbetarna upplever att cheferna är svåra att nå.',
			'Cheferna har fasta tider för ärendedragning. Mötestiden för chefer ses över.',
			'Fasta tider för ärendedragning och chefernas närvaro i gruppen är en del av vardagen.'
		],
		goals: [{ title: 'Minst 4,0 i snitt på ”Jag har en bra arbetssituation.”', link: { statement: 'situation', metric: 'mean', target: 4 } }],
		activities: ['Fasta tider för ärendedragning varje vecka', 'Se över chefernas mötestid']
	},
	admin_support_caseworkers: {
		assessment: [
			'Handläggarna gör mycket administration som administratörer skulle kunna göra.',
			'Två administratörer är anställda i barn och unga. Kartläggningen visar fler uppgifter som kan flyttas.',
			'Administratörer sköter utskrifter, arkivering och tolkbokning i alla avdelningar.'
		],
		goals: [{ title: 'Administratörer tar över utskrifter, arkivering och bokning av tolk.' }],
		activities: ['Kartlägga administrativa uppgifter som kan flyttas', 'Anställa två administratörer i barn och unga']
	},
	admin_support_managers: {
		assessment: [
			'Cheferna lägger mycket tid på rekrytering och ekonomi.',
			'Chefsstöd för rekrytering finns på förvaltningsnivå. Stöd för ekonomi planeras.',
			'Cheferna har stöd för rekrytering, ekonomi och bemanning.'
		],
		goals: [{ title: 'Alla enhetschefer har en administratör eller ett chefsstöd knutet till sig.' }],
		activities: ['Chefsstöd för rekrytering på förvaltningsnivå']
	},
	case_supervision: {
		assessment: [
			'Ärendehandledningen varierar mellan grupperna.',
			'Alla arbetsgrupper har grupphandledning, men inte alltid varannan vecka.',
			'Ärendehandledning varannan vecka i alla arbetsgrupper.'
		],
		goals: [
			{ title: 'Alla handläggare har ärendehandledning minst varannan vecka.' },
			{ title: 'Minst 4,5 i snitt på ”Jag känner att jag kan göra ett gott arbete.”', link: { statement: 'quality', metric: 'mean', target: 4.5 } }
		],
		activities: ['Schema för grupphandledning i alla arbetsgrupper', 'Upphandla extern handledare']
	},
	co_handling: {
		assessment: [
			'Medhandläggarskap finns bara i enstaka ärenden.',
			'Två enheter provar medhandläggarskap i alla utredningar om våld.',
			'Medhandläggarskap i alla komplexa ärenden.'
		],
		goals: [{ title: 'Alla utredningar om våld i nära relation har två handläggare.' }],
		activities: ['Rutin för medhandläggarskap']
	},
	further_training: {
		assessment: [
			'Fortbildningen bestäms från år till år utan plan.',
			'Individuella utvecklingsplaner är införda i två avdelningar.',
			'Alla handläggare har en individuell utvecklingsplan med fortbildning.'
		],
		goals: [{ title: 'Alla handläggare har en individuell utvecklingsplan med fortbildning.' }],
		activities: ['Mall för individuell utvecklingsplan', 'Specialistutbildning i barnavårdsutredning för fem handläggare']
	},
	student_placements: {
		assessment: [
			'Förvaltningen tar emot studenter när det finns handledare.',
			'En VFU-samordnare är utsedd och antalet platser har ökat.',
			'Förvaltningen tar emot studenter varje termin enligt avtalet med lärosätena.'
		],
		goals: [{ title: 'Minst tio VFU-platser per termin.' }],
		activities: ['Utse VFU-samordnare', 'Utbildning för handledare av studenter']
	},
	trainees: {
		assessment: ['Inga traineer ännu.', 'Två traineer har börjat i ekonomiskt bistånd.', 'Två traineeplatser per år.'],
		goals: [{ title: 'Två traineeplatser per år.' }],
		activities: ['Ta fram traineeprogram tillsammans med HR']
	},
	premises_tools: {
		assessment: [
			'Besöksrummen på mottagningen saknar larm.',
			'Larm är installerade på två mottagningar. Nya bärbara datorer är beställda.',
			'Säkra besöksrum och fungerande arbetsredskap på alla mottagningar.'
		],
		goals: [{ title: 'Säkra besöksrum med larm på alla mottagningar.' }],
		activities: ['Installera larm i besöksrummen', 'Bärbara datorer till alla handläggare']
	},
	threats_violence: {
		assessment: [
			'Hot och våld rapporteras inte alltid, och polisanmälan görs sällan.',
			'Alla chefer har gått utbildningen om otillåten påverkan. Rutinen för stöd efter hot är ny.',
			'Alla hot rapporteras som incident och polisanmäls; rutinen för stöd följs upp varje år.'
		],
		goals: [{ title: 'Alla hot och allt våld mot handläggare rapporteras som incident och polisanmäls.' }],
		activities: ['Utbildning om otillåten påverkan för alla chefer', 'Rutin för stöd efter hot och våld']
	},
	gender_equality: {
		assessment: [
			'Uppföljningen delas inte upp på kön.',
			'Statistiken i uppföljningen delas upp på flickor och pojkar, kvinnor och män.',
			'Könsuppdelad statistik i all uppföljning, och jämställdhetsanalys med Sjuan.'
		],
		goals: [{ title: 'All statistik i uppföljningen är uppdelad på kön.' }],
		activities: ['Utbildning i jämställdhetsanalys (Sjuan) för chefer']
	},
	university_collaboration: {
		assessment: [
			'Samarbetet med lärosätena gäller bara VFU.',
			'Ett samarbete om praktiknära forskning har startat med lärosätet.',
			'Förvaltningen deltar i forskningscirklar och föreläser på socionomprogrammet.'
		],
		goals: [{ title: 'Ett samarbetsavtal med lärosätet om praktiknära forskning.' }],
		activities: ['Möte med lärosätet om forskningscirklar']
	}
};

const SUGGESTIONS: [string | null, string, string | null][] = [
	['case_supervision', 'Kan vi få handledning i mindre grupper? Det är svårt att ta upp egna ärenden när vi är tolv.', 'Från januari delar vi grupperna så att ni blir högst sex per handledningstillfälle.'],
	['admin_support_caseworkers', 'Tolkbokningen tar mycket tid. Kan administratörerna ta över den?', 'Ja, administratörerna bokar tolk från och med mars.'],
	['introduction_mentorship', 'Mentorerna behöver få tid avsatt i schemat, annars hinns det inte med.', 'Mentorer får två timmar i veckan under de första sex månaderna.'],
	['premises_tools', 'Larmet i besöksrum 3 fungerar inte.', 'Tack! Det är anmält till fastighetsförvaltaren och lagat.'],
	[null, 'Det vore bra att få veta vad som händer med resultaten från mätningen.', 'Styrgruppen redovisar resultaten och vad vi gör på APT efter varje T2 och VB.'],
	['threats_violence', 'Vi behöver en tydlig rutin för vem som polisanmäler när en klient hotar.', null],
	['competence_forum', 'Önskar en föreläsning om samtal med barn.', 'Den finns med i vårens program.'],
	[null, 'Fler träffar mellan styrgruppen och medarbetarna, gärna på arbetsplatsen.', null]
];

const RESPONSIBLE_ROLES = ['Avdelningschef', 'HR-konsult', 'Utvecklingsledare', 'Enhetschef'];

interface ForvaltningRow {
	id: string;
	name: string;
	path: string;
}

function statusAt(timeline: { at: Date; status: PlanAreaStatus }[], at: Date): PlanAreaStatus {
	let status: PlanAreaStatus = 'not_started';
	for (const step of timeline) if (step.at <= at) status = step.status;
	return status;
}

/** The T2 and VB follow-ups due within [from, to]: T2 written in late September, VB in late January. */
function followUpPoints(from: Date, to: Date): { period: PlanFollowUpPeriod; year: number; at: Date }[] {
	const points: { period: PlanFollowUpPeriod; year: number; at: Date }[] = [];
	for (let year = from.getUTCFullYear() - 1; year <= to.getUTCFullYear(); year++) {
		points.push({ period: 'T2', year, at: new Date(Date.UTC(year, 8, 25, 9)) });
		points.push({ period: 'VB', year, at: new Date(Date.UTC(year + 1, 0, 22, 9)) });
	}
	return points.filter((p) => p.at >= from && p.at <= to).sort((a, b) => a.at.getTime() - b.at.getTime());
}

const FOLLOW_UP_TEXT: Record<PlanAreaStatus, string[]> = {
	not_started: ['Området är inte påbörjat. Styrgruppen prioriterar andra områden först.'],
	under_analysis: ['Styrgruppen har kartlagt läget tillsammans med cheferna. Förslag till åtgärder tas fram till nästa uppföljning.', 'Analysen pågår. Medarbetarnas förslag är insamlade.'],
	measures_under_way: ['Åtgärderna är påbörjade enligt plan. Delmålen följs upp vid nästa tillfälle.', 'Arbetet går framåt men en aktivitet är försenad på grund av vakanser.'],
	established: ['Arbetssättet är en del av det ordinarie arbetet och följs upp i verksamhetsplanen.']
};

export async function seedPlanDemo(db: Db, options: { now: Date; seed: number }): Promise<void> {
	const random = new Random(options.seed).fork('plan');
	const now = options.now;
	const start = new Date(now.getTime() - 365 * DAY);

	const areas = await query<{ id: string; code: string | null }>(db, sql`select id, code from city_plan_areas where retired_at is null order by position`);
	const forvaltningar = await query<ForvaltningRow>(db, sql`select id, name, path from org_units where kind = 'forvaltning' order by name`);
	const roleHolders = await query<{ forvaltningId: string; personId: string; name: string; role: string }>(
		db,
		sql`select f.id as "forvaltningId", p.id as "personId", p.name, a.role::text as role
		    from role_assignments a join org_units u on u.id = a.org_unit_id join people p on p.id = a.person_id
		    join org_units f on f.kind = 'forvaltning' and u.path like f.path || '%'
		    where a.role in ('local_steering', 'unit_manager') and p.active
		    order by p.name`
	);
	const staff = await query<{ forvaltningId: string; personId: string }>(
		db,
		sql`select f.id as "forvaltningId", p.id as "personId"
		    from people p join org_units u on u.id = p.org_unit_id
		    join org_units f on f.kind = 'forvaltning' and u.path like f.path || '%'
		    where p.active and p.title in ('socialsekreterare', 'bistandshandlaggare')
		      and p.email not in (${sql.join(DEMO_ACCOUNTS.map((e) => sql`${e}`), sql`, `)})
		    order by p.id`
	);

	const states: (typeof cityPlanAreaStates.$inferInsert)[] = [];
	const changes: (typeof cityPlanChanges.$inferInsert)[] = [];
	const goals: (typeof cityPlanSubgoals.$inferInsert)[] = [];
	const activities: (typeof cityPlanActivities.$inferInsert)[] = [];
	const followUps: (typeof cityPlanFollowUps.$inferInsert)[] = [];
	const suggestions: (typeof cityPlanSuggestions.$inferInsert)[] = [];
	const at = (fromDays: number, toDays: number) => new Date(start.getTime() + random.int(fromDays, toDays) * DAY + random.int(8, 16) * 3600_000);

	for (const f of forvaltningar) {
		const r = random.fork(f.name);
		const full = ACTIVE_FORVALTNINGAR.includes(f.name);
		const steering = roleHolders.filter((h) => h.forvaltningId === f.id && h.role === 'local_steering');
		const managers = roleHolders.filter((h) => h.forvaltningId === f.id && h.role === 'unit_manager');
		const actorId = steering[0]?.personId ?? null;
		const worked = areas.filter((a) => {
			if (!a.code || !CONTENT[a.code]) return false;
			if (f.name === ACTIVE_FORVALTNINGAR[0] && a.code === UNTOUCHED_IN_DEMO) return false;
			return r.chance(full ? 0.75 : 0.3);
		});
		for (const area of worked) {
			const content = CONTENT[area.code!];
			// The year's path through the statuses.
			const timeline: { at: Date; status: PlanAreaStatus }[] = [{ at: at(0, 50), status: 'under_analysis' }];
			if (r.chance(full ? 0.75 : 0.4)) timeline.push({ at: at(90, 200), status: 'measures_under_way' });
			if (timeline.length === 2 && r.chance(full ? 0.35 : 0.15)) timeline.push({ at: at(240, 340), status: 'established' });
			let previous: PlanAreaStatus = 'not_started';
			for (const step of timeline) {
				changes.push({ forvaltningId: f.id, areaId: area.id, kind: 'status', fromStatus: previous, toStatus: step.status, actorId, at: step.at });
				changes.push({ forvaltningId: f.id, areaId: area.id, kind: 'assessment', actorId, at: step.at });
				previous = step.status;
			}
			const last = timeline[timeline.length - 1];
			const stage = last.status === 'under_analysis' ? 0 : last.status === 'measures_under_way' ? 1 : 2;
			states.push({ forvaltningId: f.id, areaId: area.id, status: last.status, assessment: content.assessment[stage], updatedBy: actorId, updatedAt: last.at });
			if (!full) continue;

			// Delmål once the analysis is done; some reached by the year's end.
			for (const g of content.goals) {
				if (timeline.length < 2 && r.chance(0.5)) continue;
				const created = new Date(timeline[0].at.getTime() + r.int(20, 60) * DAY);
				if (created > now) continue;
				const status = stage === 2 && !g.link ? 'achieved' : 'open';
				goals.push({
					forvaltningId: f.id,
					areaId: area.id,
					title: g.title,
					targetDate: iso(new Date(now.getTime() + r.int(60, 420) * DAY)),
					statement: g.link?.statement ?? null,
					metric: g.link?.metric ?? null,
					targetValue: g.link?.target ?? null,
					status,
					createdBy: actorId,
					createdAt: created,
					updatedAt: created
				});
				changes.push({ forvaltningId: f.id, areaId: area.id, kind: 'subgoal_added', summary: g.title, actorId, at: created });
				if (status === 'achieved') changes.push({ forvaltningId: f.id, areaId: area.id, kind: 'subgoal_status', summary: `uppnått: ${g.title}`, actorId, at: last.at });
			}
			// Activities with a responsible person; most of those due are done.
			for (const title of content.activities) {
				if (stage === 0 && r.chance(0.5)) continue;
				const created = new Date(timeline[0].at.getTime() + r.int(10, 80) * DAY);
				if (created > now) continue;
				const due = new Date(created.getTime() + r.int(45, 240) * DAY);
				const done = due < now ? r.chance(0.8) : r.chance(0.2);
				const doneOn = done ? new Date(Math.min(now.getTime() - DAY, due.getTime() - r.int(0, 30) * DAY)) : null;
				const responsible = r.chance(0.5) && managers.length ? r.pick(managers).name : `${r.pick(RESPONSIBLE_ROLES)}`;
				activities.push({
					forvaltningId: f.id,
					areaId: area.id,
					title,
					responsible,
					dueDate: iso(due),
					doneOn: doneOn && doneOn > created ? iso(doneOn) : null,
					createdBy: actorId,
					createdAt: created,
					updatedAt: doneOn ?? created
				});
				changes.push({ forvaltningId: f.id, areaId: area.id, kind: 'activity_added', summary: title, actorId, at: created });
				if (doneOn && doneOn > created) changes.push({ forvaltningId: f.id, areaId: area.id, kind: 'activity_done', summary: title, actorId, at: doneOn });
			}
			// A follow-up at each T2 and VB of the year.
			for (const point of followUpPoints(timeline[0].at, now)) {
				const status = statusAt(timeline, point.at);
				followUps.push({
					forvaltningId: f.id,
					areaId: area.id,
					period: point.period,
					year: point.year,
					comment: r.pick(FOLLOW_UP_TEXT[status]),
					status,
					writtenBy: actorId,
					createdAt: point.at,
					updatedAt: point.at
				});
				changes.push({ forvaltningId: f.id, areaId: area.id, kind: 'follow_up', summary: `${point.period} ${point.year}`, actorId, at: point.at });
			}
		}

		// Suggestions from staff, most answered by the steering group a week or two later.
		if (!full) continue;
		const authors = staff.filter((s) => s.forvaltningId === f.id);
		if (authors.length === 0) continue;
		for (const [code, body, answer] of r.shuffle(SUGGESTIONS).slice(0, r.int(4, 6))) {
			const area = code ? areas.find((a) => a.code === code) : null;
			if (code && (!area || (f.name === ACTIVE_FORVALTNINGAR[0] && code === UNTOUCHED_IN_DEMO))) continue;
			const created = at(30, 350);
			if (created > now) continue;
			const answeredAt = answer ? new Date(Math.min(now.getTime(), created.getTime() + r.int(5, 20) * DAY)) : null;
			suggestions.push({
				forvaltningId: f.id,
				areaId: area?.id ?? null,
				authorId: r.pick(authors).personId,
				body,
				answer,
				answeredBy: answer ? actorId : null,
				answeredAt,
				createdAt: created
			});
		}
	}

	await insertChunked(db, cityPlanAreaStates, states);
	await insertChunked(db, cityPlanChanges, changes);
	await insertChunked(db, cityPlanSubgoals, goals);
	await insertChunked(db, cityPlanActivities, activities);
	await insertChunked(db, cityPlanFollowUps, followUps);
	await insertChunked(db, cityPlanSuggestions, suggestions);
	await seedIndividualPlans(db, random.fork('individual'), now);
	await seedIncidents(db, random.fork('incidents'), now);
}

/**
 * Individual action plans offered during the year by the nearest managers, mostly to people who
 * answered 1–2 on "bra arbetssituation": some closed, some under way, a few with the follow-up
 * date passed (the start page reminds the manager). Never to the demo caseworkers.
 */
async function seedIndividualPlans(db: Db, random: Random, now: Date): Promise<void> {
	const candidates = await query<{ personId: string; managerId: string; low: boolean }>(
		db,
		sql`select p.id as "personId", m.person_id as "managerId", coalesce(r.situation_score <= 2, false) as low
		    from people p
		    join role_assignments m on m.org_unit_id = p.org_unit_id and ${nearestManagerRoleSql(sql`m.role`)}
		    left join lateral (
		      select situation_score from responses x join rounds ro on ro.id = x.round_id
		      where x.person_id = p.id and ro.status = 'closed' order by ro.opens_at desc limit 1) r on true
		    where p.active and p.title in ('socialsekreterare', 'bistandshandlaggare')
		      and p.email not in (${sql.join(DEMO_ACCOUNTS.map((e) => sql`${e}`), sql`, `)})
		    order by p.id`
	);
	// The demo enhetschef follows up two plans herself, one of them overdue.
	const [demoManager] = await query<{ managerId: string; personIds: string[] }>(
		db,
		sql`select a.person_id as "managerId", array_agg(p.id order by p.id) as "personIds"
		    from people mgr join role_assignments a on a.person_id = mgr.id and a.role = 'unit_manager'
		    join org_units e on e.id = a.org_unit_id
		    join org_units u on u.path like e.path || '%' and u.id <> e.id
		    join people p on p.org_unit_id = u.id and p.active and p.title in ('socialsekreterare', 'bistandshandlaggare')
		    where mgr.email = 'enhetschef@exempelstad.se'
		      and p.email not in (${sql.join(DEMO_ACCOUNTS.map((e) => sql`${e}`), sql`, `)})
		    group by a.person_id`
	);
	const rows: (typeof individualPlans.$inferInsert)[] = [];
	const planned = new Set<string>();
	const add = (personId: string, managerId: string, status: 'offered' | 'active' | 'declined' | 'closed', overdue = false) => {
		planned.add(personId);
		const offeredAt = new Date(now.getTime() - random.int(overdue ? 70 : 20, 330) * DAY);
		const followUp = overdue
			? new Date(now.getTime() - random.int(3, 25) * DAY)
			: status === 'offered' || status === 'active'
				? new Date(now.getTime() + random.int(5, 60) * DAY)
				: new Date(offeredAt.getTime() + 42 * DAY);
		const closed = status === 'closed' || status === 'declined';
		const closedAt = closed ? new Date(Math.min(now.getTime() - DAY, followUp.getTime() + random.int(0, 20) * DAY)) : null;
		rows.push({
			personId,
			managerId,
			status,
			offeredAt,
			followUpOn: iso(followUp),
			goals: status === 'declined' ? '' : random.pick(['Färre öppna ärenden och tid för dokumentation.', 'Mindre övertid och tydligare prioriteringar.', 'Stöd i de tyngsta ärendena.']),
			measures: status === 'declined' ? '' : random.pick(['Inga nya ärenden under fyra veckor; medhandläggare i två ärenden.', 'Veckovis avstämning med chefen; extra handledning.', 'Administrativt stöd för utskrifter och bokningar.']),
			outcome: status === 'closed' ? random.pick(['Arbetssituationen har blivit bättre.', 'Delvis bättre; följs upp vid nästa mätning.']) : null,
			closedAt,
			updatedAt: closedAt ?? offeredAt
		});
	};
	if (demoManager) {
		const ids = Array.isArray(demoManager.personIds) ? demoManager.personIds : String(demoManager.personIds).replace(/[{}]/g, '').split(',').filter(Boolean);
		const [first, second] = ids;
		if (first) add(first, demoManager.managerId, 'active', true);
		if (second) add(second, demoManager.managerId, 'offered');
	}
	for (const c of candidates) {
		if (planned.has(c.personId) || !random.chance(c.low ? 0.6 : 0.04)) continue;
		const status = random.weighted<'offered' | 'active' | 'declined' | 'closed'>([
			['closed', 0.45],
			['active', 0.3],
			['offered', 0.12],
			['declined', 0.13]
		]);
		add(c.personId, c.managerId, status, (status === 'active' || status === 'offered') && random.chance(0.25));
	}
	await insertChunked(db, individualPlans, rows);
}

// --- Incidents (otillåten påverkan, hot och våld) -----------------------------------------------

/** The person the kommun designates to read incident details (arbetsmiljö/HR); password as every demo login. */
export const DEMO_INCIDENT_READER = { email: 'arbetsmiljo@exempelstad.se', name: 'Eva Sjöberg' };

/** What happened, and where. */
const INCIDENT_TEXTS: Record<IncidentForm, [string, string][]> = {
	trakasserier: [
		['Klienten skrev kränkande inlägg om mig med namn och bild i en Facebookgrupp.', 'Sociala medier'],
		['En förälder ringer flera gånger om dagen och säger att jag ljuger i utredningen.', 'Telefon'],
		['Klienten följde efter mig till busshållplatsen efter mötet.', 'Utanför kontoret']
	],
	hot: [
		['Pappan sa i telefon att han vet var jag bor och att jag ska passa mig.', 'Telefon'],
		['Klienten hotade att skada mig om beslutet inte ändras.', 'Besöksrum'],
		['Ett anonymt brev till kontoret med hot mot mig och mina barn.', 'Brev till kontoret'],
		['Klienten sa vid besöket att ”det kommer att hända något” om placeringen fortsätter.', 'Hembesök']
	],
	vald: [
		['Klienten knuffade mig mot väggen i besöksrummet.', 'Besöksrum'],
		['Jag blev slagen i armen när jag skulle gå ut ur rummet vid ett hembesök.', 'Hembesök']
	],
	skadegorelse: [
		['Min bil repades på parkeringen efter ett möte.', 'Parkeringen'],
		['Klienten slog sönder en stol i besöksrummet.', 'Besöksrum']
	],
	korruption: [['En släkting till klienten erbjöd mig pengar för ett positivt beslut.', 'Receptionen']]
};
const MEASURES = [
	'Samtal med medarbetaren samma dag. Besök bara två och två i ärendet framöver.',
	'Ärendet är flyttat till en kollega. Erbjudit samtal med företagshälsovården.',
	'Polisanmälan gjord tillsammans med medarbetaren. Säkerhetsgenomgång med gruppen.',
	'Skyddade personuppgifter utreds. Larm installerat i besöksrummet.'
];

async function seedIncidents(db: Db, random: Random, now: Date): Promise<void> {
	const staff = await query<{ personId: string; unitId: string; area: ActivityArea | null; managerId: string | null; email: string; enhetschef: string | null }>(
		db,
		sql`select p.id as "personId", p.org_unit_id as "unitId", p.activity_area as "area", p.email,
		      (select a.person_id from role_assignments a where a.org_unit_id = p.org_unit_id and ${nearestManagerRoleSql(sql`a.role`)} limit 1) as "managerId",
		      (select m.email from role_assignments a join org_units u on u.id = a.org_unit_id join people m on m.id = a.person_id
		       join org_units pu on pu.id = p.org_unit_id
		       where a.role = 'unit_manager' and pu.path like u.path || '%' order by u.depth desc limit 1) as enhetschef
		    from people p
		    where p.active and p.title in ('socialsekreterare', 'bistandshandlaggare') and p.activity_area is not null
		      and p.email not in (${sql.join(DEMO_ACCOUNTS.map((e) => sql`${e}`), sql`, `)})
		    order by p.id`
	);
	if (staff.length === 0) return;
	const start = new Date(Date.UTC(now.getUTCFullYear() - 2, 0, 1, 9));
	const days = Math.floor((now.getTime() - start.getTime()) / DAY);
	// About one incident a year for every seven handläggare.
	const count = Math.round((staff.length / 7) * (days / 365));
	const rows: (typeof incidents.$inferInsert)[] = [];
	const add = (person: (typeof staff)[number], occurred: Date, form: IncidentForm, options: { unreported?: boolean } = {}) => {
		const threatTakenSeriously = form === 'hot' && random.chance(0.5);
		const serious = form === 'vald' || threatTakenSeriously;
		const createdAt = new Date(Math.min(now.getTime() - 3600_000, occurred.getTime() + random.int(0, 4) * DAY + 3 * 3600_000));
		const handled = createdAt.getTime() < now.getTime() - 3 * DAY;
		const answered = handled && random.chance(0.7);
		const support = answered ? random.weighted<IncidentSupport>([['yes', 0.55], ['partly', 0.3], ['no', 0.15]]) : null;
		const reportedOn = serious && handled && !options.unreported && random.chance(0.85) ? new Date(Math.min(now.getTime() - DAY, occurred.getTime() + random.int(0, 3) * DAY)) : null;
		const [description, setting] = random.pick(INCIDENT_TEXTS[form]);
		rows.push({
			personId: person.personId,
			reportedBy: person.managerId && random.chance(0.3) ? person.managerId : person.personId,
			orgUnitId: person.unitId,
			form,
			occurredAt: occurred,
			activityArea: person.area!,
			setting,
			description,
			policeReported: random.chance(form === 'vald' ? 0.7 : form === 'hot' ? 0.35 : 0.15),
			threatTakenSeriously,
			supportEnough: support,
			supportComment: support === 'no' ? 'Jag hade behövt mer uppföljning efteråt.' : null,
			supportAnsweredAt: answered ? new Date(createdAt.getTime() + 14 * DAY) : null,
			measures: handled && !options.unreported && random.chance(0.8) ? random.pick(MEASURES) : '',
			measuresUpdatedAt: handled ? createdAt : null,
			authorityReportedOn: reportedOn ? iso(reportedOn) : null,
			workInjuryReportedOn: form === 'vald' && reportedOn && random.chance(0.4) ? iso(reportedOn) : null,
			createdAt,
			updatedAt: createdAt
		});
	};
	for (let n = 0; n < count; n++) {
		const person = random.pick(staff);
		const occurred = new Date(start.getTime() + random.int(0, days - 1) * DAY + random.int(0, 8) * 3600_000);
		const form = random.weighted<IncidentForm>([
			['trakasserier', 0.35],
			['hot', 0.4],
			['vald', 0.1],
			['skadegorelse', 0.1],
			['korruption', 0.05]
		]);
		add(person, occurred, form);
	}
	// The demo enhetschef has a fresh threat to act on: serious, not yet reported to Arbetsmiljöverket.
	const own = staff.filter((s) => s.enhetschef === 'enhetschef@exempelstad.se');
	if (own.length > 0) {
		const occurred = new Date(now.getTime() - 2 * DAY);
		const before = rows.length;
		add(own[0], occurred, 'vald', { unreported: true });
		rows[before].authorityReportedOn = null;
		add(own[Math.min(1, own.length - 1)], new Date(now.getTime() - 40 * DAY), 'trakasserier');
	}
	await insertChunked(db, incidents, rows);

	// The kommun designates its arbetsmiljö function to read incident details everywhere.
	const [template] = await query<{ passwordHash: string | null; kommunId: string }>(
		db,
		sql`select p.password_hash as "passwordHash", u.id as "kommunId" from people p join org_units u on u.kind = 'kommun'
		    where p.email = 'admin@exempelstad.se' limit 1`
	);
	if (!template) return;
	const [reader] = await db
		.insert(people)
		.values({ id: random.uuid(), email: DEMO_INCIDENT_READER.email, name: DEMO_INCIDENT_READER.name, orgUnitId: template.kommunId, title: 'ovrig', gender: 'kvinna', passwordHash: template.passwordHash, employeeId: 'DEMO-ARBETSMILJO' })
		.returning();
	await db.insert(incidentReaders).values({ personId: reader.id, orgUnitId: template.kommunId });
}
