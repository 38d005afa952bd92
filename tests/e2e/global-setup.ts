/** Starts the static server for the site the runner built; tests read its URL from the environment. */
import { resolve } from 'node:path';
import { serveStatic, type RunningServer } from '../support/static-server.ts';

let server: RunningServer | null = null;

export async function setup({ provide }: { provide: (key: string, value: string) => void }) {
	const root = resolve(process.env.OPENWAITS_E2E_BUILD ?? 'build');
	server = await serveStatic(root, { basePath: process.env.OPENWAITS_E2E_BASE ?? '' });
	provide('siteUrl', server.url);
	provide('dataset', process.env.OPENWAITS_E2E_DATA ?? 'demo');
}

export async function teardown() {
	await server?.close();
}

declare module 'vitest' {
	export interface ProvidedContext {
		siteUrl: string;
		dataset: string;
	}
}
