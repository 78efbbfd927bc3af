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
			/** On /api paths: the API's documented error shape, beside SvelteKit's `message`. */
			error?: { code: string; message: string };
		}
	}
}

export {};
