/** E-mail through SMTP when SMTP_URL is set; otherwise null and reminders are shown in the app only. */
import nodemailer from 'nodemailer';
import { env } from '../env';

/** Where reminders and notices are sent; tests pass one that records what it was given. */
export interface Mailer {
	send(message: { to: string; subject: string; text: string }): Promise<void>;
}

let cached: Mailer | null | undefined;

export function mailer(): Mailer | null {
	if (cached !== undefined) return cached;
	const url = env().SMTP_URL;
	cached = url ? smtpMailer(url, env().MAIL_FROM) : null;
	return cached;
}

export function smtpMailer(url: string, from: string): Mailer {
	// Not pooled: a pool keeps idle connections open, which would hold a stopping instance alive.
	const transport = nodemailer.createTransport(url);
	return {
		async send(message) {
			await transport.sendMail({ from, ...message });
		}
	};
}
