/**
 * The OpenAPI 3.1 document of /api/v1. Request bodies come from the same Zod schemas the
 * services validate with, so the document cannot drift from what the server accepts; a test
 * checks that every route file is described here.
 */
import { presentMonthlyWorkload, presentMyWorkload, presentTeamWorkload, presentWorkloadRating } from './presenters/workload';
import { ratingInput } from '../workload/rules';
import { checklistInput } from '../unit-goals/rules';
import { presentCompilation, presentMyChecklists, presentOwnChecklist } from './presenters/unit-goals';
import { noteInput as introductionNoteInput, placementInput, programmeMentorInput, startInput, tickInput } from '../introductions/rules';
import { presentIntroduction, presentIntroductionList, presentMyIntroduction, presentPlacements, presentStarted } from './presenters/introductions';
import { THEMES } from '../themes/themes';
import { z } from 'zod';
import { noteInput, offerInput, planUpdateInput } from '../individual-plans/service';
import { loginInput } from '../auth/login';
import { applyInput, importOptions } from '../import/service';
import { reportInput, supportInput } from '../incidents/rules';
import { areaInput, areaStateInput, subgoalInput, suggestionInput } from '../city-plan/rules';
import { reportQuery } from '../reports/service';
import { responseInput, roundInput } from '../rounds/rules';
import { entriesInput } from '../indicators/service';
import { reminderInput } from '../rounds/manager-reminders';
import { presentAuditSearch } from './presenters/audit';
import {
	presentArea,
	presentAreaPlan,
	presentAreas,
	presentAreaState,
	presentIndividualPlanCounts,
	presentPlanMatrix,
	presentPlanOverview,
	presentSubgoal,
	presentSuggestion
} from './presenters/city-plan';
import { presentAppliedImport, presentImportRefused, presentImportResult, presentImports, presentStoredImport } from './presenters/import';
import { presentIncident, presentIncidentDetail, presentIncidents, presentIncidentStatistics } from './presenters/incidents';
import { presentIndividualPlan, presentIndividualPlanNote, presentIndividualPlans, presentIndividualPlanWithNotes } from './presenters/individual-plans';
import { presentCoded, presentResearchCode, presentResearchView } from './presenters/research';
import { presentRoleAssignment, presentRoleEnded } from './presenters/roles';
import { codeInput, codingInput } from '../research/service';
import { giveRoleInput } from '../org/roles';
import { presentGroupPlan, presentGroupPlanAction, presentGroupPlanComment, presentGroupPlans, presentGroupPlanView } from './presenters/group-plans';
import { groupPlanActionDoneInput, groupPlanActionInput, groupPlanCommentInput, groupPlanFollowUpInput, groupPlanInput } from '../group-plans/service';
import { presentIndicatorDetail, presentIndicators, presentSavedEntries } from './presenters/indicators';
import { presentOrgUnits } from './presenters/org';
import { presentPeopleSearch, presentRegisterExtract, presentRetentionRun, presentRetentionStatus } from './presenters/people';
import { jsonSchemaOf } from './presenters/presenter';
import { presentReport } from './presenters/reports';
import { presentCreated, presentMyHistory, presentMyResponse, presentReminders, presentRounds, presentRoundState, presentSavedResponse } from './presenters/rounds';
import { presentSession } from './presenters/session';
import { presentTeam } from './presenters/team';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

const error = {
	type: 'object',
	properties: {
		error: {
			type: 'object',
			properties: {
				code: { type: 'string', enum: ['unauthenticated', 'forbidden', 'not_found', 'invalid', 'conflict', 'rate_limited', 'too_large', 'unsupported_media_type', 'internal'] },
				message: { type: 'string', description: 'Swedish message for the user.' },
				fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'Per-field Swedish messages.' }
			},
			required: ['code', 'message']
		}
	}
};

const errors = (...codes: number[]) =>
	Object.fromEntries(codes.map((c) => [String(c), { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]));

const ok = (description: string, s: object = { type: 'object' }) => ({ description, content: { 'application/json': { schema: s } } });

const roundIdParam = { name: 'roundId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const importIdParam = { name: 'importId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const planIdParam = { name: 'planId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const forvaltningIdParam = { name: 'forvaltningId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const areaIdParam = { name: 'areaId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const actionIdParam = { name: 'actionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const incidentIdParam = { name: 'incidentId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

type Shape = { schema: z.ZodType };

/**
 * Which presenter shapes each JSON answer: path → method → status. The response schemas of the
 * document are generated from these, so the document shows exactly what the handlers send.
 */
export const responseShapes: Record<string, Record<string, Record<number, Shape>>> = {
	'/session': { post: { 201: presentSession } },
	'/import': { get: { 200: presentImports }, post: { 200: presentImportResult, 201: presentImportResult, 400: presentImportRefused } },
	'/import/{importId}': { get: { 200: presentStoredImport } },
	'/import/{importId}/apply': { post: { 200: presentAppliedImport } },
	'/audit': { get: { 200: presentAuditSearch } },
	'/people': { get: { 200: presentPeopleSearch } },
	'/people/{personId}/extract': { get: { 200: presentRegisterExtract } },
	'/people/retention': { get: { 200: presentRetentionStatus }, post: { 200: presentRetentionRun } },
	'/people/{personId}/roles': { post: { 201: presentRoleAssignment } },
	'/people/{personId}/roles/{assignmentId}': { delete: { 200: presentRoleEnded } },
	'/research/texts': { get: { 200: presentResearchView } },
	'/research/codes': { post: { 201: presentResearchCode } },
	'/research/codings': { put: { 200: presentCoded } },
	'/rounds': { get: { 200: presentRounds }, post: { 201: presentCreated } },
	'/rounds/{roundId}/my-response': { get: { 200: presentMyResponse }, put: { 200: presentSavedResponse } },
	'/rounds/{roundId}/report': { get: { 200: presentReport } },
	'/rounds/{roundId}/team': { get: { 200: presentTeam } },
	'/rounds/{roundId}/open': { post: { 200: presentRoundState } },
	'/rounds/{roundId}/close': { post: { 200: presentRoundState } },
	'/rounds/{roundId}/reminders': { post: { 200: presentReminders } },
	'/rounds/{roundId}/team/reminders': { post: { 200: presentReminders } },
	'/my-history': { get: { 200: presentMyHistory } },
	'/my-workload': { get: { 200: presentMyWorkload }, post: { 201: presentWorkloadRating } },
	'/team-workload': { get: { 200: presentTeamWorkload } },
	'/workload-monthly': { get: { 200: presentMonthlyWorkload } },
	'/unit-goals': { get: { 200: presentCompilation } },
	'/my-checklists': { get: { 200: presentMyChecklists }, post: { 201: presentOwnChecklist } },
	'/my-introduction': { get: { 200: presentMyIntroduction } },
	'/introductions': { get: { 200: presentIntroductionList }, post: { 201: presentStarted } },
	'/introductions/{introductionId}': { get: { 200: presentIntroduction } },
	'/introductions/{introductionId}/steps': { post: { 200: presentIntroduction } },
	'/introductions/{introductionId}/notes': { post: { 201: presentStarted } },
	'/introductions/{introductionId}/mentor': { put: { 200: presentIntroduction } },
	'/placements': { get: { 200: presentPlacements }, post: { 201: presentPlacements } },
	'/action-plans': { get: { 200: presentIndividualPlans }, post: { 201: presentIndividualPlan } },
	'/action-plans/{planId}': { get: { 200: presentIndividualPlanWithNotes }, put: { 200: presentIndividualPlan } },
	'/action-plans/{planId}/notes': { post: { 201: presentIndividualPlanNote } },
	'/group-plans': { get: { 200: presentGroupPlans }, post: { 201: presentGroupPlan } },
	'/group-plans/{planId}': { get: { 200: presentGroupPlanView } },
	'/group-plans/{planId}/actions': { post: { 201: presentGroupPlanAction } },
	'/group-plans/{planId}/actions/{actionId}': { put: { 200: presentGroupPlanAction } },
	'/group-plans/{planId}/comments': { post: { 201: presentGroupPlanComment } },
	'/group-plans/{planId}/follow-up': { post: { 200: presentGroupPlan } },
	'/plan/areas': { get: { 200: presentAreas }, post: { 201: presentArea } },
	'/plan/matrix': { get: { 200: presentPlanMatrix } },
	'/plan/individual-counts': { get: { 200: presentIndividualPlanCounts } },
	'/plan/{forvaltningId}': { get: { 200: presentPlanOverview } },
	'/plan/{forvaltningId}/suggestions': { post: { 201: presentSuggestion } },
	'/plan/{forvaltningId}/{areaId}': { get: { 200: presentAreaPlan }, put: { 200: presentAreaState } },
	'/plan/{forvaltningId}/{areaId}/subgoals': { post: { 201: presentSubgoal } },
	'/incidents/statistics': { get: { 200: presentIncidentStatistics } },
	'/incidents': { get: { 200: presentIncidents }, post: { 201: presentIncident } },
	'/incidents/{incidentId}': { get: { 200: presentIncidentDetail } },
	'/incidents/{incidentId}/support': { put: { 200: presentIncident } },
	'/org-units': { get: { 200: presentOrgUnits } },
	'/indicators': { get: { 200: presentIndicators } },
	'/indicators/{key}': { get: { 200: presentIndicatorDetail } },
	'/indicators/entries': { put: { 200: presentSavedEntries } }
};

type Operation = { responses: Record<string, { description: string; content?: Record<string, { schema: object }> }> };

/** Puts each presenter's JSON Schema in its place in the document. */
function withResponseShapes<T extends { paths: Record<string, object> }>(doc: T): T {
	for (const [path, methods] of Object.entries(responseShapes)) {
		for (const [method, byStatus] of Object.entries(methods)) {
			const op = (doc.paths[path] as Record<string, Operation | undefined>)?.[method];
			if (!op) throw new Error(`The document has no ${method.toUpperCase()} ${path} for its presenter.`);
			for (const [status, shape] of Object.entries(byStatus)) {
				const response = op.responses[status];
				if (!response) throw new Error(`${method.toUpperCase()} ${path} documents no ${status} answer.`);
				response.content = { ...response.content, 'application/json': { schema: jsonSchemaOf(shape) } };
			}
		}
	}
	return doc;
}

export function openApiDocument() {
	return withResponseShapes({
		openapi: '3.1.0',
		info: {
			title: 'Lägesbild API',
			version: '1.0.0',
			description:
				'The measurement of the work situation of social workers. The same access and anonymity rules as the web pages: named answers only for the nearest manager; aggregates above it only for groups large enough, with suppressed cells marked. Authenticate with POST /session and send the token as `Authorization: Bearer <token>` (or use the session cookie).'
		},
		servers: [{ url: '/api/v1' }],
		components: {
			securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'lagesbild_session' } },
			schemas: {
				Error: error,
				Login: schema(loginInput),
				ResponseInput: schema(responseInput),
				RoundInput: schema(roundInput),
				ReportQuery: schema(reportQuery),
				OfferPlan: schema(offerInput),
				UpdatePlan: schema(planUpdateInput),
				Note: schema(noteInput),
				IndicatorEntries: schema(entriesInput),
				IncidentReport: schema(reportInput),
				IncidentSupport: schema(supportInput)
			}
		},
		security: [{ bearer: [] }, { cookie: [] }],
		paths: {
			'/session': {
				post: {
					summary: 'Log in with e-mail and password',
					security: [],
					requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Login' } } } },
					responses: { '201': ok('Logged in'), ...errors(400, 401, 429) }
				},
				delete: { summary: 'Log out', responses: { '204': { description: 'Logged out' }, ...errors(401) } }
			},
			// --- Identity: staff import, audit log, people (administrators; "not found" to everyone else) ---
			'/import': {
				get: { summary: 'The latest staff imports', responses: { '200': ok('Imports'), ...errors(401, 404) } },
				post: {
					summary: 'Import staff and organisation from HR: a dry run (dryRun=true) or the whole import in one transaction',
					description:
						'The file as the body (Content-Type text/csv — UTF-8 or Windows-1252 — or the XLSX type), options in the query; or JSON `{ rows: [{ Anställningsnummer, Namn, E-post, … }], scope, dryRun, fingerprint }` with the same column names as the file; or multipart/form-data with `file` (SvelteKit requires a same-origin Origin header for form posts). People are matched by anställningsnummer. `scope` (required, no default): `all` (the whole kommun: everyone active not in the file leaves), `listed` (only the förvaltningar in the file) or a förvaltning id. With `fingerprint` from a dry run the import is applied only if the plan is still exactly that one. An import that deactivates more than IMPORT_CONFIRM_LEAVERS_PERCENT (default 10 %) of the active people in its scope needs `confirm` set to the number of people who leave (the dry run\'s `guard` says so); otherwise it is refused, 400 with `error.fields.confirm`. A file with problems is refused whole: 400 with `error.rows`, each with the line and column.',
					parameters: [
						{ name: 'dryRun', in: 'query', schema: { type: 'boolean' }, description: 'Only show what would change (and keep the plan for /import/{importId}/apply).' },
						{ name: 'scope', in: 'query', schema: { type: 'string' }, description: '`all`, `listed` or a förvaltning id.' },
						{ name: 'kommun', in: 'query', schema: { type: 'string', format: 'uuid' }, description: 'When there are several kommuner.' },
						{ name: 'fingerprint', in: 'query', schema: { type: 'string' } },
						{ name: 'confirm', in: 'query', schema: { type: 'integer' }, description: 'The number of people who leave, when the dry run\'s guard.needsConfirm is true.' },
						{ name: 'fileName', in: 'query', schema: { type: 'string' } }
					],
					requestBody: {
						required: true,
						content: {
							'text/csv': { schema: { type: 'string' } },
							'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
							'application/json': { schema: { type: 'object', properties: { rows: { type: 'array', items: { type: 'object', additionalProperties: { type: ['string', 'number', 'null'] } } }, ...schema(importOptions).properties as object, dryRun: { type: 'boolean' }, fingerprint: { type: 'string' }, confirm: { type: 'integer' }, fileName: { type: 'string' } }, required: ['rows', 'scope'] } },
							'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, scope: { type: 'string' }, dryRun: { type: 'string' }, confirm: { type: 'string' } }, required: ['file', 'scope'] } }
						}
					},
					responses: {
						'200': ok('Dry run: the plan (new people, moves, changes, roles, leavers, new units, counts per förvaltning) and its fingerprint, and `guard` (whether `confirm` is needed)'),
						'201': ok('Applied'),
						'400': { description: 'The file has problems; nothing was imported', content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'object', properties: { code: { const: 'invalid' }, message: { type: 'string' }, rows: { type: 'array', items: { type: 'object', properties: { line: { type: 'integer' }, column: { type: ['string', 'null'] }, message: { type: 'string' } } } }, rowCount: { type: 'integer' } } } } } } } },
						...errors(401, 404, 409)
					}
				}
			},
			'/import/{importId}': {
				parameters: [importIdParam],
				get: { summary: 'A stored import; for a dry run not yet applied, its plan as it would be now', responses: { '200': ok('Import'), ...errors(401, 404) } }
			},
			'/import/{importId}/apply': {
				parameters: [importIdParam],
				post: {
					summary: 'Apply a dry run in one transaction, if the plan is still the one with this fingerprint (and `confirm` is the number of leavers, when the guard asks for it)',
					requestBody: { required: true, content: { 'application/json': { schema: schema(applyInput) } } },
					responses: { '200': ok('Applied'), ...errors(400, 401, 404, 409) }
				}
			},
			'/audit': {
				get: {
					summary: 'Search the audit log (administrators); with format=csv or xlsx every matching entry as a file (the export is itself logged)',
					description: 'The log is append-only: the database refuses UPDATE, DELETE and TRUNCATE on it.',
					parameters: [
						{ name: 'who', in: 'query', schema: { type: 'string' }, description: 'Name, e-mail or anställningsnummer of who did it (or the e-mail tried in a failed login).' },
						{ name: 'action', in: 'query', schema: { type: 'string' }, description: 'An action (e.g. `read.named_answers`) or a group ending in `*` (e.g. `read.*`).' },
						{ name: 'from', in: 'query', schema: { type: 'string', format: 'date' }, description: 'From this day (Swedish time).' },
						{ name: 'to', in: 'query', schema: { type: 'string', format: 'date' }, description: 'To and including this day.' },
						{ name: 'subject', in: 'query', schema: { type: 'string' }, description: 'What it was about: an id, or the name of a person, round or unit.' },
						{ name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
						{ name: 'format', in: 'query', schema: { type: 'string', enum: ['csv', 'xlsx'] } }
					],
					responses: {
						'200': {
							description: 'Entries, newest first, 50 a page; or the file',
							content: {
								'application/json': { schema: { type: 'object' } },
								'text/csv': { schema: { type: 'string' } }
							}
						},
						...errors(400, 401, 404)
					}
				}
			},
			'/people': {
				get: {
					summary: 'Find people by name, e-mail or anställningsnummer (administrators)',
					parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }],
					responses: { '200': ok('Up to 50 people'), ...errors(400, 401, 404) }
				}
			},
			'/people/{personId}/extract': {
				parameters: [{ name: 'personId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
				get: {
					summary: 'Register extract (GDPR art. 15): everything stored about one person, including rows of any table that refers to them; taking it is logged',
					responses: { '200': ok('The extract'), ...errors(401, 404) }
				}
			},
			'/people/retention': {
				get: { summary: 'Retention of named answers: the setting (RETENTION_YEARS), rounds due and rounds retained', responses: { '200': ok('Status'), ...errors(401, 404) } },
				post: {
					summary: 'Retain the due rounds now (also runs on its own): answers are cut from the people who gave them, free text deleted, figures unchanged',
					responses: { '200': ok('Rounds retained and answers pseudonymised'), ...errors(401, 404) }
				}
			},
			'/people/{personId}/roles': {
				parameters: [{ name: 'personId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
				post: {
					summary:
						'Give one of the kommun’s own roles (administrators): lokal styrgrupp on a förvaltning, central styrgrupp or administratör on the kommun, facklig representant or följeforskare on a förvaltning or the kommun; optionally for a period. The manager roles come from the staff import',
					requestBody: { required: true, content: { 'application/json': { schema: schema(giveRoleInput) } } },
					responses: { '201': ok('Given'), ...errors(400, 401, 404, 409) }
				}
			},
			'/people/{personId}/roles/{assignmentId}': {
				parameters: [
					{ name: 'personId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
					{ name: 'assignmentId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
				],
				delete: { summary: 'End one of the kommun’s own roles from today (administrators; not one’s own administrator role)', responses: { '200': ok('Ended'), ...errors(400, 401, 404) } }
			},
			// --- end of identity ---
			'/rounds': {
				get: { summary: 'Rounds (mätomgångar) the caller may see', responses: { '200': ok('Rounds'), ...errors(401) } },
				post: {
					summary: 'Create a round (administrators)',
					requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/RoundInput' } } } },
					responses: { '201': ok('Created'), ...errors(400, 401, 404) }
				}
			},
			'/rounds/{roundId}/my-response': {
				parameters: [roundIdParam],
				get: { summary: "The caller's own answer in a round", responses: { '200': ok('Answer or null'), ...errors(401, 404) } },
				put: {
					summary: "Save the caller's answer (may be changed until the round closes)",
					requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ResponseInput' } } } },
					responses: { '200': ok('Saved'), ...errors(400, 401, 404, 409) }
				}
			},
			'/rounds/{roundId}/report': {
				parameters: [
					roundIdParam,
					{ name: 'unit', in: 'query', schema: { type: 'string', format: 'uuid' }, description: 'Org unit; default the top of the caller’s scope.' },
					{ name: 'area', in: 'query', schema: { type: 'string' }, description: 'verksamhetsområde' },
					{ name: 'title', in: 'query', schema: { type: 'string', enum: ['socialsekreterare', 'bistandshandlaggare'] } },
					{ name: 'q', in: 'query', schema: { type: 'string' }, description: 'Search in the motivations.' },
					{ name: 'theme', in: 'query', schema: { type: 'string', enum: [...THEMES] }, description: 'Only the motivations about this theme (the themes field lists them).' },
					{ name: 'textLimit', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 100000, default: 200 }, description: 'Motivations per statement at most (alphabetical); textTotals gives the totals.' }
				],
				get: {
					summary: 'Aggregated report for a unit and its children, with suppressed cells marked',
					responses: {
						'200': ok('Report'),
						...errors(400, 401, 404)
					}
				}
			},
			'/rounds/{roundId}/team': {
				parameters: [roundIdParam],
				get: { summary: "The nearest manager's view: own staff's answers by name (audited)", responses: { '200': ok('Team'), ...errors(401, 404) } }
			},
			'/rounds/{roundId}/open': {
				parameters: [roundIdParam],
				post: {
					summary: 'Open a draft round and fix who is asked (administrators). Refused (409) while another open round asks some of the same people, unless allowOverlap is true',
					requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', properties: { allowOverlap: { type: 'boolean', description: 'Open even though another open round shares förvaltningar with this one.' } } } } } },
					responses: { '200': ok('Opened'), ...errors(401, 404, 409) }
				}
			},
			'/rounds/{roundId}/close': {
				parameters: [roundIdParam],
				post: { summary: 'Close an open round (administrators)', responses: { '200': ok('Closed'), ...errors(401, 404, 409) } }
			},
			'/rounds/{roundId}/reminders': {
				parameters: [roundIdParam],
				post: { summary: 'Remind everyone who has not answered (administrators)', responses: { '200': ok('Counts of reminded and e-mailed'), ...errors(401, 404, 409) } }
			},
			'/rounds/{roundId}/team/reminders': {
				parameters: [roundIdParam],
				post: {
					summary:
						'The nearest manager reminds own staff who have not answered an open round: a notice on their start page and an e-mail when SMTP is configured. At most once a day per round (409 after that); everyone else 404',
					requestBody: { required: false, content: { 'application/json': { schema: schema(reminderInput) } } },
					responses: { '200': ok('How many were reminded and e-mailed'), ...errors(400, 401, 404, 409) }
				}
			},
			'/my-history': {
				get: { summary: "The caller's own answers over all rounds", responses: { '200': ok('History'), ...errors(401) } }
			},
			'/action-plans': {
				get: { summary: 'Individual action plans: those the caller follows up as manager, and their own', responses: { '200': ok('Plans'), ...errors(401) } },
				post: {
					summary: 'Offer an individual action plan to a member of own staff (nearest manager)',
					requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/OfferPlan' } } } },
					responses: { '201': ok('Offered'), ...errors(400, 401, 404) }
				}
			},
			'/action-plans/{planId}': {
				parameters: [planIdParam],
				get: { summary: 'A plan with its notes (the employee and that manager only)', responses: { '200': ok('Plan'), ...errors(401, 404) } },
				put: {
					summary: 'Update status, follow-up date, goals, measures, outcome (the manager)',
					requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/UpdatePlan' } } } },
					responses: { '200': ok('Updated'), ...errors(400, 401, 404) }
				}
			},
			'/action-plans/{planId}/notes': {
				parameters: [planIdParam],
				post: {
					summary: 'Add a follow-up note (the employee or the manager)',
					requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } } },
					responses: { '201': ok('Added'), ...errors(400, 401, 404) }
				}
			},
			// --- Följeforskning ---
			'/research/texts': {
				get: {
					summary: 'The följeforskare’s view: the motivations of an avdelning, förvaltning or the kommun in a closed round as the report discloses them (groups of at least 10), with the caller’s own codes',
					parameters: [
						{ name: 'unit', in: 'query', schema: { type: 'string', format: 'uuid' } },
						{ name: 'round', in: 'query', schema: { type: 'string', format: 'uuid' } },
						{ name: 'statement', in: 'query', schema: { type: 'string', enum: ['situation', 'quality', 'recommend', 'positive'] } }
					],
					responses: { '200': ok('Texts'), ...errors(400, 401, 404) }
				}
			},
			'/my-workload': {
				get: { summary: 'The caller’s own workload ratings between the rounds, newest first', responses: { '200': ok('Ratings'), ...errors(401, 404) } },
				post: {
					summary: 'Rate one’s own workload now (1–5), optionally with open cases and a note without client data (social workers)',
					requestBody: { required: true, content: { 'application/json': { schema: schema(ratingInput) } } },
					responses: { '201': ok('Saved'), ...errors(400, 401, 404) }
				}
			},
			'/team-workload': {
				get: { summary: "The nearest manager's view: own staff's latest workload ratings by name, with signals (audited)", responses: { '200': ok('Staff'), ...errors(401, 404) } }
			},
			'/workload-monthly': {
				parameters: [{ name: 'unit', in: 'query', schema: { type: 'string', format: 'uuid' }, description: 'Org unit; default the top of the caller’s scope.' }],
				get: { summary: 'Workload per unit and month (months that are over), through the anonymity rule', responses: { '200': ok('Months'), ...errors(400, 401, 404) } }
			},
			'/unit-goals': {
				parameters: [
					{ name: 'unit', in: 'query', schema: { type: 'string', format: 'uuid' }, description: 'An enhet or arbetsgrupp; default the caller’s own or the first within reach.' },
					{ name: 'period', in: 'query', schema: { type: 'string' }, description: "'2026-T1', '2026-T2', '2026-T3', '2026' (the year, bokslut) or 'from..to' (ÅÅÅÅ-MM-DD..ÅÅÅÅ-MM-DD; not above the enhet)." }
				],
				get: {
					summary: 'The enhet’s goals followed with its checklist: share "ja" per goal and item, by gender, per group, over tertials; per person for the nearest manager (audited); above the enhet closed periods through the anonymity rule',
					responses: { '200': ok('Compilation'), ...errors(400, 401, 404) }
				}
			},
			'/my-checklists': {
				get: { summary: 'The checklist of the caller’s enhet and the caller’s own checklists at closed investigations (social workers)', responses: { '200': ok('Checklists'), ...errors(401, 404) } },
				post: {
					summary: 'Fill in the checklist at a closed investigation: the closing day, the child’s or client’s gender and age band, and an answer to every item. No client identity.',
					requestBody: { required: true, content: { 'application/json': { schema: schema(checklistInput) } } },
					responses: { '201': ok('Saved'), ...errors(400, 401, 404) }
				}
			},
			'/my-introduction': {
				get: { summary: 'The caller’s own introduction programme (or null), and the programmes the caller mentors', responses: { '200': ok('Programmes'), ...errors(401) } }
			},
			'/introductions': {
				get: { summary: "The nearest manager's view: the staff's introduction programmes by name, with who is behind, and whom a programme can be started for (audited)", responses: { '200': ok('Programmes'), ...errors(401, 404) } },
				post: {
					summary: 'Start a programme from the enhet’s template, with a mentor from the enhet’s mentors (the nearest manager)',
					requestBody: { required: true, content: { 'application/json': { schema: schema(startInput) } } },
					responses: { '201': ok('Started'), ...errors(400, 401, 404, 409) }
				}
			},
			'/introductions/{introductionId}': {
				parameters: [{ name: 'introductionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
				get: { summary: 'One programme with its steps and notes: for the new employee, the mentor and the nearest manager (audited for the latter two)', responses: { '200': ok('Programme'), ...errors(401, 404) } }
			},
			'/introductions/{introductionId}/steps': {
				parameters: [{ name: 'introductionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
				post: {
					summary: 'Tick a step off (done: true) or back (done: false); answers the programme',
					requestBody: { required: true, content: { 'application/json': { schema: schema(tickInput) } } },
					responses: { '200': ok('Programme'), ...errors(400, 401, 404) }
				}
			},
			'/introductions/{introductionId}/mentor': {
				parameters: [{ name: 'introductionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
				put: {
					summary: 'Give the programme a mentor from the enhet’s mentors, or another one (the nearest manager); answers the programme',
					requestBody: { required: true, content: { 'application/json': { schema: schema(programmeMentorInput) } } },
					responses: { '200': ok('Programme'), ...errors(400, 401, 404) }
				}
			},
			'/introductions/{introductionId}/notes': {
				parameters: [{ name: 'introductionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
				post: {
					summary: 'A short note on the programme or one step, without client data',
					requestBody: { required: true, content: { 'application/json': { schema: schema(introductionNoteInput) } } },
					responses: { '201': ok('Saved'), ...errors(400, 401, 404) }
				}
			},
			'/placements': {
				parameters: [{ name: 'unit', in: 'query', schema: { type: 'string', format: 'uuid' }, description: 'The enhet; default the first the caller leads.' }],
				get: { summary: 'The students (VFU) and trainees the enhet received, per semester (the enhetschef)', responses: { '200': ok('Placements'), ...errors(401, 404) } },
				post: {
					summary: 'Record a student or trainee received (the enhetschef); answers the list',
					requestBody: { required: true, content: { 'application/json': { schema: schema(placementInput) } } },
					responses: { '201': ok('Placements'), ...errors(400, 401, 404) }
				}
			},
			'/research/codes': {
				post: {
					summary: 'Create a code of one’s own (följeforskare)',
					requestBody: { required: true, content: { 'application/json': { schema: schema(codeInput) } } },
					responses: { '201': ok('Created'), ...errors(400, 401, 404, 409) }
				}
			},
			'/research/codings': {
				put: {
					summary: 'Set the codes of one text (by its hash from /research/texts), replacing what it had (följeforskare)',
					requestBody: { required: true, content: { 'application/json': { schema: schema(codingInput) } } },
					responses: { '200': ok('Coded'), ...errors(400, 401, 404) }
				}
			},
			// --- The group's action plan (gruppens handlingsplan) ---
			'/group-plans': {
				get: {
					summary: 'The groups’ plans the caller may read: their own group’s (members), those they lead (the nearest manager), and those below them (avdelningschef, styrgrupper, administrators)',
					responses: { '200': ok('Plans'), ...errors(401) }
				},
				post: {
					summary: 'Make the group’s plan after a closed round (the group’s nearest manager): its own total is taken through the anonymity rule and kept with the plan',
					requestBody: { required: true, content: { 'application/json': { schema: schema(groupPlanInput) } } },
					responses: { '201': ok('Made'), ...errors(400, 401, 404, 409) }
				}
			},
			'/group-plans/{planId}': {
				parameters: [planIdParam],
				get: { summary: 'A group’s plan: with comments and owners within the group, without them above it', responses: { '200': ok('Plan'), ...errors(401, 404) } }
			},
			'/group-plans/{planId}/actions': {
				parameters: [planIdParam],
				post: {
					summary: 'Add an agreed action with an owner from the group (or none), a date and optionally a delmål of the förvaltning (the group’s nearest manager)',
					requestBody: { required: true, content: { 'application/json': { schema: schema(groupPlanActionInput) } } },
					responses: { '201': ok('Added'), ...errors(400, 401, 404) }
				}
			},
			'/group-plans/{planId}/actions/{actionId}': {
				parameters: [planIdParam, actionIdParam],
				put: {
					summary: 'Mark an action done or not done (the group’s nearest manager, or the member who owns it)',
					requestBody: { required: true, content: { 'application/json': { schema: schema(groupPlanActionDoneInput) } } },
					responses: { '200': ok('Updated'), ...errors(400, 401, 404) }
				}
			},
			'/group-plans/{planId}/comments': {
				parameters: [planIdParam],
				post: {
					summary: 'Comment on the group’s plan, by name, for the group (its members and its manager)',
					requestBody: { required: true, content: { 'application/json': { schema: schema(groupPlanCommentInput) } } },
					responses: { '201': ok('Added'), ...errors(400, 401, 404) }
				}
			},
			'/group-plans/{planId}/follow-up': {
				parameters: [planIdParam],
				post: {
					summary: 'Follow the plan up with its outcome (the group’s nearest manager)',
					requestBody: { required: true, content: { 'application/json': { schema: schema(groupPlanFollowUpInput) } } },
					responses: { '200': ok('Followed up'), ...errors(400, 401, 404) }
				}
			},
			// --- Action plan follow-up (handlingsplanens områden) and incidents ---
			'/plan/areas': {
				get: {
					summary: 'The areas of the plan, in order (the 13 of the plan, the three added 2019, and the kommun’s own)',
					parameters: [{ name: 'retired', in: 'query', schema: { type: 'string', enum: ['1'] }, description: 'Include retired areas.' }],
					responses: { '200': ok('Areas'), ...errors(401) }
				},
				post: {
					summary: 'Add an area (administrators)',
					requestBody: { required: true, content: { 'application/json': { schema: schema(areaInput) } } },
					responses: { '201': ok('Added'), ...errors(400, 401, 404) }
				}
			},
			'/plan/matrix': {
				get: {
					summary: 'City-wide overview: förvaltningar × areas with status, and changes since the previous follow-up, a round or a date (central steering group, administrators)',
					parameters: [
						{ name: 'status', in: 'query', schema: { type: 'string', enum: ['not_started', 'under_analysis', 'measures_under_way', 'established'] } },
						{ name: 'area', in: 'query', schema: { type: 'string', format: 'uuid' } },
						{ name: 'since', in: 'query', schema: { type: 'string' }, description: '`followup:T2-2026` (from the end of that follow-up’s period), `round:<id>` (when that round closed) or a date yyyy-mm-dd; default the previous follow-up (T2 or VB) before the one due now.' },
						{ name: 'sinceDate', in: 'query', schema: { type: 'string', format: 'date' }, description: 'A date; wins over `since`.' }
					],
					responses: { '200': ok('Matrix'), ...errors(400, 401, 404) }
				}
			},
			'/plan/individual-counts': {
				get: {
					summary: 'Counts (never names) of individual action plans per status for a unit and its children, through the anonymity rule',
					parameters: [{ name: 'unit', in: 'query', schema: { type: 'string', format: 'uuid' }, description: 'Org unit; default the top of the caller’s scope.' }],
					responses: { '200': ok('Counts; a hidden count carries only its reason'), ...errors(401, 404) }
				}
			},
			'/plan/{forvaltningId}': {
				parameters: [forvaltningIdParam],
				get: { summary: 'A förvaltning’s plan: every area with its status and counts, and staff suggestions (everyone in the förvaltning)', responses: { '200': ok('Plan'), ...errors(401, 404) } }
			},
			'/plan/{forvaltningId}/suggestions': {
				parameters: [forvaltningIdParam],
				post: {
					summary: 'Leave a suggestion on the plan or one area (people in the förvaltning)',
					requestBody: { required: true, content: { 'application/json': { schema: schema(suggestionInput) } } },
					responses: { '201': ok('Added'), ...errors(400, 401, 404) }
				}
			},
			'/plan/{forvaltningId}/{areaId}': {
				parameters: [forvaltningIdParam, areaIdParam],
				get: {
					summary:
						'One area of a förvaltning’s plan: state, sub-goals with progress from the survey (through the anonymity rule) or from an indicator, activities, follow-ups, suggestions, history',
					responses: { '200': ok('Area plan'), ...errors(401, 404) }
				},
				put: {
					summary: 'Set the area’s status and assessment (the förvaltning’s lokal styrgrupp)',
					requestBody: { required: true, content: { 'application/json': { schema: schema(areaStateInput) } } },
					responses: { '200': ok('Saved'), ...errors(400, 401, 404, 409) }
				}
			},
			'/plan/{forvaltningId}/{areaId}/subgoals': {
				parameters: [forvaltningIdParam, areaIdParam],
				post: {
					summary: 'Add a measurable sub-goal (delmål), optionally followed with a survey statement and metric, or with an indicator by its key (the lokal styrgrupp)',
					requestBody: { required: true, content: { 'application/json': { schema: schema(subgoalInput) } } },
					responses: { '201': ok('Added'), ...errors(400, 401, 404, 409) }
				}
			},
			'/incidents/statistics': {
				get: {
					summary: 'Incidents of otillåten påverkan, hot och våld: counts by unit, BRÅ form and year, through the anonymity rule (years that have ended: published on 1 February the year after, then never changed)',
					parameters: [
						{ name: 'unit', in: 'query', schema: { type: 'string', format: 'uuid' }, description: 'Org unit; default the top of the caller’s scope.' },
						{ name: 'year', in: 'query', schema: { type: 'integer' }, description: 'A year that has ended; default the newest.' },
						{ name: 'area', in: 'query', schema: { type: 'string' }, description: 'verksamhetsområde' }
					],
					responses: { '200': ok('Statistics; a hidden cell carries only its reason'), ...errors(400, 401, 404) }
				}
			},
			'/incidents': {
				get: {
					summary:
						'The incidents the caller may read: their own, those of their staff (nearest manager), and those in the parts of the organisation the kommun designated them for. Reading others’ incidents is audited',
					responses: { '200': ok('Own and others’ incidents, and how many serious ones the caller has not yet reported to Arbetsmiljöverket'), ...errors(401) }
				},
				post: {
					summary: 'Report an incident of otillåten påverkan, hot och våld: for oneself, or (the nearest manager) on behalf of own staff with personId. yes/no answers may be sent as booleans',
					requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/IncidentReport' } } } },
					responses: { '201': ok('Reported'), ...errors(400, 401) }
				}
			},
			'/incidents/{incidentId}': {
				parameters: [incidentIdParam],
				get: {
					summary: 'One incident with its details, for the employee, the nearest manager and designated readers (others: 404); audited when not one’s own',
					responses: { '200': ok('Incident, names, whether serious, and what the caller may do'), ...errors(401, 404) }
				}
			},
			'/incidents/{incidentId}/support': {
				parameters: [incidentIdParam],
				put: {
					summary: 'The employee says whether the support after the incident was enough (others who may read it: 404, like everything refused)',
					requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/IncidentSupport' } } } },
					responses: { '200': ok('Saved'), ...errors(400, 401, 404) }
				}
			},
			// --- end of action plan follow-up and incidents ---
			'/org-units': {
				get: { summary: 'The part of the organisation tree the caller may see aggregates for', responses: { '200': ok('Units'), ...errors(401) } }
			},
			// --- Indicators (personalrörlighet, konsulter, VFU, …) ---
			'/indicators': {
				get: { summary: 'The indicators, and the kommuner and förvaltningar whose figures the caller reads', responses: { '200': ok('Indicators and units'), ...errors(401, 404) } }
			},
			'/indicators/{key}': {
				parameters: [
					{ name: 'key', in: 'path', required: true, schema: { type: 'string' }, description: "The indicator's key (e.g. consultants) or id." },
					{ name: 'unit', in: 'query', schema: { type: 'string', format: 'uuid' }, description: 'A kommun or förvaltning; default the caller’s own.' }
				],
				get: { summary: 'One indicator for a unit: the series over time with target, splits by title/gender (a period’s split hidden whole, in hiddenPeriods, when a group in it is smaller than the anonymity limit), förvaltningar compared, change history', responses: { '200': ok('Indicator'), ...errors(400, 401, 404) } }
			},
			'/indicators/entries': {
				put: {
					summary: "Save a unit's figures for a report period (T2/VB of a year); an empty value removes a figure. Implausible jumps answer 409 with the warnings in `fields` until sent with confirm: true",
					requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/IndicatorEntries' } } } },
					responses: { '200': ok('Saved'), ...errors(400, 401, 404, 409) }
				}
			},
			'/openapi.json': {
				get: { summary: 'This document', security: [], responses: { '200': ok('OpenAPI document') } }
			}
		}
	});
}
