/** The generated CSV the upload figure uses: about 200 MB (under the site's 200 MiB limit), written once. */
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';

export const UPLOAD_ROWS = 2_500_000;

export function writeUploadCsv(path: string, rows = UPLOAD_ROWS): { path: string; bytes: number; rows: number } {
	const stamp = `${path}.rows`;
	if (existsSync(path) && existsSync(stamp) && readFileSync(stamp, 'utf8') === String(rows)) return { path, bytes: statSync(path).size, rows };
	const fd = openSync(path, 'w');
	try {
		writeSync(fd, 'code,name,value,note\n');
		let buffer = '';
		for (let i = 0; i < rows; i++) {
			const code = `R${String(i % 9973).padStart(4, '0')}`;
			const name = i % 10 === 0 ? `"The ""Royal"" Trust ${i % 1000}, ward ${i % 37}"` : `"Trust ${i % 1000}, ward ${i % 37}"`;
			buffer += `${code},${name},${(i % 100_000) / 4},routine follow-up appointment number ${i}\n`;
			if (buffer.length > 1 << 20) {
				writeSync(fd, buffer);
				buffer = '';
			}
		}
		writeSync(fd, buffer);
	} finally {
		closeSync(fd);
	}
	writeFileSync(stamp, String(rows));
	return { path, bytes: statSync(path).size, rows };
}
