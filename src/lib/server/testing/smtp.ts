/** A real SMTP server on localhost for tests (smtp-server): each message received is handed to `onMessage`. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	to: string[];
	/** The message as sent (headers and a quoted-printable body). */
	body: string;
	/** The same with quoted-printable undone, to read as text. */
	text: string;
}

/** Soft line breaks and =XX bytes of quoted-printable back to UTF-8 text. */
function unquote(raw: string): string {
	const joined = raw.replace(/=\r?\n/g, '');
	const bytes: number[] = [];
	for (let i = 0; i < joined.length; i++) {
		const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
		if (/^[0-9A-F]{2}$/.test(hex)) {
			bytes.push(parseInt(hex, 16));
			i += 2;
		} else bytes.push(...Buffer.from(joined[i]));
	}
	return Buffer.from(bytes).toString('utf8');
}

export async function startSmtpServer(onMessage: (mail: ReceivedMail) => void): Promise<{ url: string; close: () => Promise<void> }> {
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			let body = '';
			stream.on('data', (chunk) => (body += chunk));
			stream.on('end', () => {
				onMessage({ to: session.envelope.rcptTo.map((r) => r.address), body, text: unquote(body) });
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
