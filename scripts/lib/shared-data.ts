import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The folder of real published files: OPENWAITS_SHARED_DATA, else ../shared/data beside the repository. */
export function sharedDataDir(): string | null {
	const dir = resolve(process.env.OPENWAITS_SHARED_DATA ?? '../shared/data');
	return existsSync(dir) ? dir : null;
}
