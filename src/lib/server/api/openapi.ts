/**
 * The OpenAPI 3.1 document of /api/v1. Request bodies come from the same Zod schemas the
 * services validate with, so the document cannot drift from what the server accepts; a test
 * checks that every route file is described here.
 */
import { z } from 'zod';
import { noteInput, offerInput, planUpdateInput } from '../action-plans/service';
import { loginInput } from '../auth/login';
import { reportQuery } from '../reports/service';
import { responseInput, roundInput } from '../rounds/rules';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

const error = {
	type: 'object',
	properties: {
		error: {
			type: 'object',
			properties: {
				code: { type: 'string', enum: ['unauthenticated', 'forbidden', 'not_found', 'invalid', 'conflict', 'rate_limited', 'internal'] },
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
const planIdParam = { name: 'planId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

const disclosedCell = {
	description:
		'A cell passed through the anonymity rule: either shown with its figures, or hidden with the reason. Hidden cells carry no numbers at all.',
	oneOf: [
		{
			type: 'object',
			properties: {
				shown: { const: true },
				n: { type: 'integer' },
				figures: { $ref: '#/components/schemas/CellFigures' },
				textShown: { type: 'boolean' },
				textReason: { type: ['string', 'null'] },
				textReasonText: { type: ['string', 'null'] }
			},
			required: ['shown', 'n', 'figures']
		},
		{
			type: 'object',
			properties: {
				shown: { const: false },
				reason: { type: 'string', enum: ['empty', 'too_few', 'protects_other_group', 'changed_since_earlier_round'] },
				reasonText: { type: 'string' }
			},
			required: ['shown', 'reason', 'reasonText']
		}
	]
};

const statementFigures = {
	type: 'object',
	properties: {
		mean: { type: ['number', 'null'] },
		shareLow: { type: ['number', 'null'], description: 'Share answering 1–2.' },
		shareHigh: { type: ['number', 'null'], description: 'Share answering 5–6.' },
		distribution: { type: 'array', items: { type: 'integer' }, minItems: 6, maxItems: 6 }
	}
};

export function openApiDocument() {
	return {
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
				CellFigures: {
					type: 'object',
					properties: {
						respondents: { type: 'integer' },
						members: { type: 'integer' },
						responseRate: { type: ['number', 'null'] },
						casesMean: { type: ['number', 'null'] },
						casesMedian: { type: ['number', 'null'] },
						statements: {
							type: 'object',
							properties: { situation: statementFigures, quality: statementFigures, recommend: statementFigures }
						}
					}
				},
				DisclosedCell: disclosedCell
			}
		},
		security: [{ bearer: [] }, { cookie: [] }],
		paths: {
			'/session': {
				post: {
					summary: 'Log in with e-mail and password',
					security: [],
					requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Login' } } } },
					responses: { '201': ok('Logged in', { type: 'object', properties: { token: { type: 'string' } } }), ...errors(400, 401, 429) }
				},
				delete: { summary: 'Log out', responses: { '204': { description: 'Logged out' }, ...errors(401) } }
			},
			'/rounds': {
				get: { summary: 'Rounds (mätomgångar) the caller may see', responses: { '200': ok('Rounds'), ...errors(401) } },
				post: {
					summary: 'Create a round (administrators)',
					requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/RoundInput' } } } },
					responses: { '201': ok('Created'), ...errors(400, 401, 403) }
				}
			},
			'/rounds/{roundId}/my-response': {
				parameters: [roundIdParam],
				get: { summary: "The caller's own answer in a round", responses: { '200': ok('Answer or null'), ...errors(401, 404) } },
				put: {
					summary: "Save the caller's answer (may be changed until the round closes)",
					requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ResponseInput' } } } },
					responses: { '200': ok('Saved'), ...errors(400, 401, 403, 404, 409) }
				}
			},
			'/rounds/{roundId}/report': {
				parameters: [
					roundIdParam,
					{ name: 'unit', in: 'query', schema: { type: 'string', format: 'uuid' }, description: 'Org unit; default the top of the caller’s scope.' },
					{ name: 'area', in: 'query', schema: { type: 'string' }, description: 'verksamhetsområde' },
					{ name: 'title', in: 'query', schema: { type: 'string', enum: ['socialsekreterare', 'bistandshandlaggare'] } },
					{ name: 'q', in: 'query', schema: { type: 'string' }, description: 'Search in the motivations.' }
				],
				get: {
					summary: 'Aggregated report for a unit and its children, with suppressed cells marked',
					responses: {
						'200': ok('Report', {
							type: 'object',
							properties: {
								unit: { type: 'object' },
								rows: { type: 'array', items: { type: 'object', properties: { unit: { type: 'object' }, isTotal: { type: 'boolean' }, cell: { $ref: '#/components/schemas/DisclosedCell' } } } },
								trend: { type: 'array', items: { type: 'object', properties: { roundId: { type: 'string' }, roundName: { type: 'string' }, cell: { $ref: '#/components/schemas/DisclosedCell' } } } },
								texts: { type: ['object', 'null'] },
								progress: { type: ['object', 'null'] }
							}
						}),
						...errors(400, 401, 404)
					}
				}
			},
			'/rounds/{roundId}/team': {
				parameters: [roundIdParam],
				get: { summary: "The nearest manager's view: own staff's answers by name (audited)", responses: { '200': ok('Team'), ...errors(401, 403, 404) } }
			},
			'/rounds/{roundId}/open': {
				parameters: [roundIdParam],
				post: { summary: 'Open a draft round and fix who is asked (administrators)', responses: { '200': ok('Opened'), ...errors(401, 403, 404, 409) } }
			},
			'/rounds/{roundId}/close': {
				parameters: [roundIdParam],
				post: { summary: 'Close an open round (administrators)', responses: { '200': ok('Closed'), ...errors(401, 403, 404, 409) } }
			},
			'/rounds/{roundId}/reminders': {
				parameters: [roundIdParam],
				post: { summary: 'Remind everyone who has not answered (administrators)', responses: { '200': ok('Counts of reminded and e-mailed'), ...errors(401, 403, 404, 409) } }
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
					responses: { '200': ok('Updated'), ...errors(400, 401, 403, 404) }
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
			'/org-units': {
				get: { summary: 'The part of the organisation tree the caller may see aggregates for', responses: { '200': ok('Units'), ...errors(401) } }
			},
			'/openapi.json': {
				get: { summary: 'This document', security: [], responses: { '200': ok('OpenAPI document') } }
			}
		}
	};
}
