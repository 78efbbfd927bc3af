import type { Actor } from '$lib/server/access/actor';
import type { Db } from '$lib/server/db';

declare global {
	namespace App {
		interface Locals {
			db: Db;
			actor: Actor | null;
			sessionToken: string | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
