/** A real SMTP server on localhost for tests (smtp-server): each message received is handed to `onMessage`. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	to: string[];
	body: string;
}

export async function startSmtpServer(onMessage: (mail: ReceivedMail) => void): Promise<{ url: string; close: () => Promise<void> }> {
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			let body = '';
			stream.on('data', (chunk) => (body += chunk));
			stream.on('end', () => {
				onMessage({ to: session.envelope.rcptTo.map((r) => r.address), body });
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
