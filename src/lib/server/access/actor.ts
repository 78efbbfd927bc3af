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
}
