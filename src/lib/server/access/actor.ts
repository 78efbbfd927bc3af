/** The logged-in person and what they are assigned to, loaded once per request. */
import type { ActivityArea, OrgUnitKind, Role, Title } from '$lib/domain';

export interface Assignment {
	role: Role;
	orgUnitId: string;
	orgUnitPath: string;
	orgUnitKind: OrgUnitKind;
	orgUnitName: string;
	/** ISO dates (yyyy-mm-dd); null = open-ended. */
	validFrom: string | null;
	validTo: string | null;
}

export interface Actor {
	personId: string;
	name: string;
	email: string;
	title: Title;
	activityArea: ActivityArea | null;
	orgUnitId: string;
	orgUnitPath: string;
	assignments: Assignment[];
	/**
	 * The address of the request this person acts in (issue 12: every audit entry records it,
	 * and audit() takes it from here). Null only outside a request (tests, scripts).
	 */
	ip: string | null;
}

/** The person as loaded from the database, before a request gives them an address. */
export type PersonActor = Omit<Actor, 'ip'>;
