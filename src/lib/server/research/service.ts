/**
 * Följeforskning: the follow-up researcher reads the motivations of an avdelning, a förvaltning or
 * the kommun in a closed round — exactly as the report discloses them (buildReport, so the
 * anonymity module decides: groups of at least 10, no names) — and codes them with codes of their
 * own, for a qualitative analysis they export. A text is known by a hash of its round, statement
 * and words (schema-research.ts), so no coding ties texts to an answer or to each other.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { TEXT_GROUPS, textGroupLabel, type TextGroup } from '$lib/domain';
import type { Actor } from '../access/actor';
import { RESEARCH_UNIT_KINDS, researchScopes } from '../access/policy';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { pathIn } from '../db/paths';
import { orgUnits, researchCodes, researchCodings, rounds } from '../db/schema';
import { conflict, invalid, notFound } from '../errors';
import type { ExportTable } from '../export/table-export';
import { buildReport } from '../reports/service';
import { closedRoundsLatestFirst } from '../rounds/service';
import { isUuid, parseInput, requiredText } from '../validation';


/** All of a unit's motivations, as many as the report has; the totals are a few thousand at most per round. */
const ALL_TEXTS = 100_000;

export const researchQuery = z.object({
	unit: z.string().refine(isUuid, 'Ogiltig enhet.').optional(),
	round: z.string().refine(isUuid, 'Ogiltig mätomgång.').optional(),
	statement: z.enum(TEXT_GROUPS, { error: 'Välj en fråga i listan.' }).default('situation')
});

export const codeInput = z.object({ name: requiredText('Skriv kodens namn.', 80, 'Koden') });

export const codingInput = z.object({
	roundId: z.string({ error: 'Mätomgången saknas.' }).refine(isUuid, 'Mätomgången saknas.'),
	statement: z.enum(TEXT_GROUPS, { error: 'Frågan saknas.' }),
	textHash: z.string({ error: 'Texten saknas.' }).regex(/^[0-9a-f]{64}$/, 'Texten saknas.'),
	codeIds: z.array(z.string().refine(isUuid, 'Välj koder i listan.')).default([])
});

export function textHash(roundId: string, statement: TextGroup, text: string): string {
	return createHash('sha256').update(`${roundId}\u0000${statement}\u0000${text}`).digest('hex');
}

function requireResearcher(actor: Actor): string[] {
	const scopes = researchScopes(actor);
	if (scopes.length === 0) throw notFound('Sidan');
	return scopes;
}

/** The units whose motivations the researcher reads: above the unit level, in their subtrees. */
export async function researchUnits(db: Db, actor: Actor) {
	const scopes = requireResearcher(actor);
	return db
		.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path })
		.from(orgUnits)
		.where(and(pathIn(orgUnits.path, scopes), inArray(orgUnits.kind, [...RESEARCH_UNIT_KINDS]), eq(orgUnits.active, true)))
		.orderBy(asc(orgUnits.depth), asc(orgUnits.name));
}

async function myCodes(db: Db, actor: Actor) {
	return db.select({ id: researchCodes.id, name: researchCodes.name }).from(researchCodes).where(eq(researchCodes.researcherId, actor.personId)).orderBy(asc(researchCodes.name));
}

/** The chosen unit and closed round (the first of each by default), and the report's disclosed texts. */
async function disclosedTexts(db: Db, actor: Actor, q: { unit?: string; round?: string }) {
	const units = await researchUnits(db, actor);
	const unit = q.unit ? units.find((u) => u.id === q.unit) : units[0];
	if (!unit) throw notFound('Enheten');
	const closed = await closedRoundsLatestFirst(db);
	const round = q.round ? closed.find((r) => r.id === q.round) : closed[0];
	if (q.round && !round) throw notFound('Mätomgången');
	const report = round ? await buildReport(db, actor, { unit: unit.id, round: round.id, textLimit: ALL_TEXTS }) : null;
	return { units, unit, rounds: closed, round: round ?? null, texts: report?.texts ?? null };
}

export async function researchView(db: Db, actor: Actor, input: unknown) {
	requireResearcher(actor);
	const q = parseInput(researchQuery, input);
	const { units, unit, rounds: closed, round, texts } = await disclosedTexts(db, actor, q);
	const codes = await myCodes(db, actor);
	// The same words written by several people are one text to code, shown once with how many wrote them.
	const list = new Map<string, { hash: string; text: string; count: number; codeIds: string[] }>();
	if (round && texts?.shown) {
		const coded = await codingsOf(db, actor, round.id, q.statement);
		for (const text of texts.texts[q.statement]) {
			const hash = textHash(round.id, q.statement, text);
			const seen = list.get(hash);
			if (seen) seen.count++;
			else list.set(hash, { hash, text, count: 1, codeIds: coded.get(hash) ?? [] });
		}
	}
	return {
		units: units.map(({ id, name, kind }) => ({ id, name, kind })),
		unit: { id: unit.id, name: unit.name },
		rounds: closed,
		round,
		statement: q.statement,
		codes,
		/** Null when the unit's texts are not shown; then `hiddenReason` says why. */
		texts: texts?.shown ? [...list.values()] : null,
		/** How many texts in all, counting the same words once per writer. */
		textCount: texts?.shown ? texts.texts[q.statement].length : 0,
		hiddenReason: texts && !texts.shown ? texts.reasonText : round ? null : 'Ingen mätomgång har stängt än.'
	};
}

/** This researcher's codes per text hash, in one round and question. */
async function codingsOf(db: Db, actor: Actor, roundId: string, statement: TextGroup) {
	const rows = await db
		.select({ hash: researchCodings.textHash, codeId: researchCodings.codeId })
		.from(researchCodings)
		.innerJoin(researchCodes, eq(researchCodes.id, researchCodings.codeId))
		.where(and(eq(researchCodes.researcherId, actor.personId), eq(researchCodings.roundId, roundId), eq(researchCodings.statement, statement)));
	const byHash = new Map<string, string[]>();
	for (const r of rows) byHash.set(r.hash, [...(byHash.get(r.hash) ?? []), r.codeId]);
	return byHash;
}

export async function createCode(db: Db, actor: Actor, input: unknown) {
	requireResearcher(actor);
	const data = parseInput(codeInput, input);
	const [code] = await db.insert(researchCodes).values({ researcherId: actor.personId, name: data.name }).onConflictDoNothing().returning();
	if (!code) throw conflict(`Du har redan koden ”${data.name}”.`);
	await audit(db, actor, { action: 'research.code', detail: { name: data.name } });
	return code;
}

/** Sets the codes of one text (replacing what it had): only the researcher's own codes. */
export async function setTextCodes(db: Db, actor: Actor, input: unknown) {
	requireResearcher(actor);
	const data = parseInput(codingInput, input);
	const [round] = await db.select({ id: rounds.id }).from(rounds).where(eq(rounds.id, data.roundId));
	if (!round) throw notFound('Mätomgången');
	const mine = await myCodes(db, actor);
	const codeIds = [...new Set(data.codeIds)];
	if (codeIds.some((id) => !mine.some((c) => c.id === id))) throw invalid('Ett fält behöver rättas.', { codeIds: 'En vald kod finns inte. Ladda om sidan och välj igen.' });
	await db.transaction(async (tx) => {
		if (mine.length > 0) {
			await tx
				.delete(researchCodings)
				.where(
					and(
						inArray(
							researchCodings.codeId,
							mine.map((c) => c.id)
						),
						eq(researchCodings.roundId, data.roundId),
						eq(researchCodings.statement, data.statement),
						eq(researchCodings.textHash, data.textHash)
					)
				);
		}
		if (codeIds.length > 0) await tx.insert(researchCodings).values(codeIds.map((codeId) => ({ codeId, roundId: data.roundId, statement: data.statement, textHash: data.textHash })));
		await audit(tx, actor, { action: 'research.coding', subjectType: 'round', subjectId: data.roundId, detail: { statement: data.statement, codes: codeIds.length } });
	});
	return codeIds;
}

/** Every disclosed text of the unit and round, all four questions, with the researcher's codes. */
export async function researchTable(db: Db, actor: Actor, input: unknown): Promise<ExportTable> {
	requireResearcher(actor);
	const q = parseInput(researchQuery, input);
	const { unit, round, texts } = await disclosedTexts(db, actor, q);
	const names = new Map((await myCodes(db, actor)).map((c) => [c.id, c.name]));
	const rows: ExportTable['rows'] = [];
	if (round && texts?.shown) {
		for (const group of TEXT_GROUPS) {
			const coded = await codingsOf(db, actor, round.id, group);
			for (const text of texts.texts[group]) {
				const codes = (coded.get(textHash(round.id, group, text)) ?? []).map((id) => names.get(id)).filter(Boolean);
				rows.push({ unit: unit.name, round: round.name, question: textGroupLabel[group], text, codes: codes.sort().join('; ') });
			}
		}
	}
	return {
		title: `Motiveringar ${unit.name} ${round?.name ?? ''}`.trim(),
		columns: [
			{ key: 'unit', header: 'Enhet' },
			{ key: 'round', header: 'Mätomgång' },
			{ key: 'question', header: 'Fråga' },
			{ key: 'text', header: 'Motivering' },
			{ key: 'codes', header: 'Dina koder' }
		],
		rows,
		notes: [
			texts && !texts.shown
				? `Motiveringarna visas inte: ${texts.reasonText}`
				: 'Motiveringar utan namn, som rapporten visar dem (grupper med minst 10 svarande). Koderna är dina egna.'
		]
	};
}
