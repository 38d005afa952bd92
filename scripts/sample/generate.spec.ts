import { describe, expect, it } from 'vitest';
import { gunzipSync, strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { RTT_HEADER } from '../../src/lib/schema/rtt.ts';
import { DEFAULT_SEED, generateAll, sha256 } from './generate.ts';
import { AE_HEADER, HOSPITAL_HEADER, SURVEY_QUESTIONS, surveyBand } from './others.ts';
import { NHS_TRUSTS, PROVIDERS } from './providers.ts';
import { TREATMENTS } from './rtt.ts';
import { milesBetween } from './places.ts';

const started = performance.now();
const files = generateAll(DEFAULT_SEED);
const elapsed = performance.now() - started;

function parse(text: string): string[][] {
	const result = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true });
	expect(result.errors).toEqual([]);
	return result.data;
}

function text(path: string): string {
	const bytes = files.get(path);
	if (!bytes) throw new Error(`missing ${path}`);
	return strFromU8(bytes);
}

/** The CSV text of each RTT month, picked by header (not by entry order) from the zip. */
function rttTexts(): Map<string, string> {
	const out = new Map<string, string>();
	for (const [path, bytes] of files) {
		if (!path.startsWith('rtt/')) continue;
		let csv: string;
		if (path.endsWith('.zip')) {
			const entries = unzipSync(bytes);
			expect(Object.keys(entries).some((n) => n.startsWith('__MACOSX/._'))).toBe(true);
			const found = Object.values(entries).map((b) => strFromU8(b)).find((t) => t.startsWith('Period,'));
			if (!found) throw new Error('no CSV in zip');
			csv = found;
		} else if (path.endsWith('.gz')) csv = strFromU8(gunzipSync(bytes));
		else csv = strFromU8(bytes);
		out.set(path, csv);
	}
	return out;
}

const cell = (v: string) => (v === '' ? 0 : Number(v));

describe('demonstration data generator', () => {
	it('is deterministic and fast', () => {
		const again = generateAll(DEFAULT_SEED);
		expect([...again.keys()]).toEqual([...files.keys()]);
		for (const [path, bytes] of files) expect(sha256(again.get(path)!), path).toBe(sha256(bytes));
		const other = generateAll(DEFAULT_SEED + 1);
		const feb = [...files.keys()].find((p) => p.endsWith('February-2026-full-extract.csv'))!;
		expect(sha256(other.get(feb)!)).not.toBe(sha256(files.get(feb)!));
		expect(elapsed).toBeLessThan(5000);
	});

	it('default output is pinned: one digest over every file (history with --months must never change it)', () => {
		const listing = [...files].map(([path, bytes]) => `${sha256(bytes)}  ${path}`).sort().join('\n');
		expect(sha256(new TextEncoder().encode(listing))).toBe('d9668c2fb26e8c616cff7e9b40f9d5f0114d4790c44cf7c47cb12f78be1f7861');
	});

	it('writes the expected files, RTT months each well under 5 MB', () => {
		const paths = [...files.keys()];
		expect(paths.filter((p) => p.startsWith('rtt/'))).toEqual([
			'rtt/20260228-RTT-February-2026-full-extract.csv',
			'rtt/20260331-RTT-March-2026-full-extract.csv.gz',
			'rtt/RTT-April-2026-full-extract.zip'
		]);
		expect(paths.filter((p) => p.startsWith('ae/'))).toHaveLength(14);
		for (const csv of rttTexts().values()) expect(csv.length).toBeLessThan(4_000_000);
		expect(text('README.txt')).toMatch(/DEMONSTRATION/);
		expect(text('README.txt')).toMatch(/npm run data:sample/);
	});

	it('RTT files have the 121-column header and obey the published rules', () => {
		const texts = rttTexts();
		expect(texts.size).toBe(3);
		const months = ['February-2026', 'March-2026', 'April-2026'];
		for (const [path, csv] of texts) {
			expect(csv.split('\r\n').length, 'CRLF line endings').toBeGreaterThan(1000);
			const rows = parse(csv);
			expect(rows[0]).toEqual([...RTT_HEADER]);
			expect(rows[0]).toHaveLength(121);
			const period = `RTT-${months.find((m) => path.includes(m))}`;
			const details = new Map<string, number[]>();
			const totals = new Map<string, string[]>();
			const part2 = new Map<string, string[]>();
			const part2a: string[][] = [];
			const providers = new Set<string>();
			for (const r of rows.slice(1)) {
				expect(r).toHaveLength(121);
				expect(r[0]).toBe(period);
				providers.add(r[3]);
				expect(r[3]).toMatch(/^(Z[A-MO-Z][0-9]|ZN[0-9]{3})$/);
				expect(r[4]).toMatch(/\(DEMO\)$/);
				const bands = r.slice(13, 118);
				const bandSum = bands.reduce((s, v) => s + cell(v), 0);
				const [total, unknown, totalAll] = r.slice(118);
				switch (r[9]) {
					case 'Part_1A':
					case 'Part_1B':
						expect(Number(total)).toBe(bandSum);
						expect(Number(totalAll)).toBe(bandSum + cell(unknown));
						break;
					case 'Part_2':
					case 'Part_2A':
						expect(total).toBe('');
						expect(unknown).toBe('');
						expect(Number(totalAll)).toBe(bandSum);
						break;
					case 'Part_3':
						expect(bands.every((v) => v === '')).toBe(true);
						expect(total).toBe('');
						expect(unknown).toBe('');
						expect(Number(totalAll)).toBeGreaterThan(0);
						break;
					default:
						throw new Error(`unexpected part ${r[9]}`);
				}
				const group = `${r[3]}|${r[7]}|${r[9]}`;
				if (r[11] === 'C_999') {
					expect(totals.has(group)).toBe(false);
					totals.set(group, r);
				} else {
					expect(TREATMENTS.some((t) => t.code === r[11] && t.name === r[12])).toBe(true);
					const sum = details.get(group) ?? new Array<number>(108).fill(0);
					r.slice(13).forEach((v, i) => (sum[i] += cell(v)));
					details.set(group, sum);
					if (r[9] === 'Part_2') part2.set(`${r[3]}|${r[7]}|${r[11]}`, r);
					if (r[9] === 'Part_2A') part2a.push(r);
				}
			}
			expect(providers.size).toBe(PROVIDERS.length);
			// Every C_999 row equals the sum of its detail rows, column by column.
			expect([...totals.keys()].sort()).toEqual([...details.keys()].sort());
			const problems: string[] = [];
			for (const [group, total] of totals) {
				const sum = details.get(group)!;
				total.slice(13).forEach((v, i) => {
					if (v === '' ? sum[i] !== 0 : Number(v) !== sum[i]) problems.push(`${group}: C_999 ${RTT_HEADER[i + 13]} ${v} ≠ ${sum[i]}`);
				});
			}
			// Part_2A is a subset of Part_2, band by band.
			for (const r of part2a) {
				const whole = part2.get(`${r[3]}|${r[7]}|${r[11]}`);
				if (!whole) problems.push(`${r[3]} ${r[7]} ${r[11]}: Part_2A without Part_2`);
				else for (let i = 13; i < 119; i++) if (cell(r[i]) > cell(whole[i])) problems.push(`${r[3]} ${r[7]} ${r[11]}: Part_2A > Part_2 in ${RTT_HEADER[i]}`);
			}
			expect(problems).toEqual([]);
			// NONC has an empty name, as published.
			expect(rows.some((r) => r[7] === 'NONC' && r[8] === '')).toBe(true);
		}
	});

	it('A&E files: 22 columns and a TOTAL row equal to the sum of the providers', () => {
		for (const [path] of files) {
			if (!path.startsWith('ae/')) continue;
			const rows = parse(text(path));
			expect(rows[0]).toEqual(AE_HEADER);
			const body = rows.slice(1);
			const totalRows = body.filter((r) => r[1].trim().toUpperCase() === 'TOTAL');
			expect(totalRows).toHaveLength(1);
			const providers = body.filter((r) => r[1].trim().toUpperCase() !== 'TOTAL');
			expect(providers.length).toBeGreaterThan(20);
			for (const r of body) {
				expect(r).toHaveLength(22);
				expect(r[0]).toMatch(/^MSitAE-[A-Z]+-20\d\d$/);
			}
			for (let c = 4; c < 22; c++) {
				const sum = providers.reduce((s, r) => s + Number(r[c]), 0);
				expect(Number(totalRows[0][c]), `${path} ${AE_HEADER[c]}`).toBe(sum);
			}
			// Over-4-hours never exceeds attendances.
			for (const r of providers) for (let c = 4; c < 10; c++) expect(Number(r[c + 6])).toBeLessThanOrEqual(Number(r[c]));
		}
	});

	it('hospital sites: ¬-separated Latin-1, 22 columns, every postcode sector in the sector file', () => {
		const bytes = files.get('organisations/hospital-sites/Hospital_demo.csv')!;
		expect(bytes.includes(0xac)).toBe(true); // ¬ in Latin-1
		const decoded = new TextDecoder('latin1').decode(bytes);
		expect(decoded).toContain('Ysbyty Glan-y-Môr (demo)');
		expect(bytes.includes(0xc3)).toBe(false); // not UTF-8
		const lines = decoded.split('\n').filter(Boolean);
		expect(lines[0].split('\u00ac')).toEqual(HOSPITAL_HEADER);
		const sectors = new Map(
			parse(text('geo/postcode_sectors_demo.csv')).slice(1).map((r) => [r[0], [Number(r[1]), Number(r[2])]] as const)
		);
		const districts = new Set(parse(text('geo/postcode_districts_demo.csv')).slice(1).map((r) => r[0]));
		for (const required of ['LS1', 'LS2', 'B15', 'B1', 'M1', 'M13', 'S10', 'NE1', 'BS1', 'SW1A', 'E1', 'N1', 'NG7', 'L1', 'OX3', 'CB2', 'PL6', 'NR4', 'YO31', 'LE1']) {
			expect(districts.has(required), required).toBe(true);
		}
		for (const s of sectors.keys()) expect(districts.has(s.split(' ')[0])).toBe(true);
		const parents = new Set<string>();
		for (const line of lines.slice(1)) {
			const c = line.split('\u00ac');
			expect(c).toHaveLength(22);
			const postcode = c[13];
			expect(postcode).toMatch(/^[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}$/);
			const sector = postcode.slice(0, -2);
			expect(sectors.has(sector), postcode).toBe(true);
			const [lat, lon] = sectors.get(sector)!;
			expect(milesBetween(lat, lon, Number(c[14]), Number(c[15]))).toBeLessThan(1);
			expect(c[18]).toMatch(/^(01632 960\d{3}|0\d{3} 49[68] 0\d{3}|020 7946 0\d{3})$/);
			expect(c[20]).toMatch(/^https:\/\/example\.org\//);
			parents.add(c[16]);
		}
		for (const t of NHS_TRUSTS) expect(parents.has(t.code), t.code).toBe(true);
	});

	it('etr.csv: 27 quoted fields per trust, the same codes as RTT', () => {
		const rows = parse(text('organisations/etr.csv'));
		expect(text('organisations/etr.csv')).toMatch(/^"ZA1","/);
		for (const r of rows) {
			expect(r).toHaveLength(27);
			expect(r[10]).toMatch(/^\d{8}$/);
			expect(r[21]).toBe('1');
		}
		const open = rows.filter((r) => r[11] === '').map((r) => r[0]).sort();
		expect(open).toEqual(NHS_TRUSTS.map((t) => t.code).sort());
		expect(rows.some((r) => r[11] !== '')).toBe(true);
	});

	it('survey: Trust_Scores layout, bands agree with the expected ranges, three trusts left out', () => {
		const rows = parse(text('satisfaction/demo_Trust_Scores.csv'));
		const header = rows[0];
		expect(header.slice(0, 3)).toEqual(['TrustCode', 'trustname', 'n_tpat']);
		expect(header).toHaveLength(3 + 9 * SURVEY_QUESTIONS.length);
		for (const q of ['Q2', 'Q45', 'Q46', 'Q47']) {
			const i = header.indexOf(`mean${q}`);
			expect(header.slice(i, i + 9)).toEqual([`mean${q}`, `ll90${q}`, `ul90${q}`, `ll95${q}`, `ul95${q}`, `ll99${q}`, `ul99${q}`, `band${q}`, `${q}_Zfinal`]);
		}
		expect(rows.length - 1).toBe(NHS_TRUSTS.length - 3);
		const bands = new Set<string>();
		for (const r of rows.slice(1)) {
			for (let i = 3; i < header.length; i += 9) {
				const band = r[i + 7];
				bands.add(band);
				if (band === '0') {
					expect(r[i]).toBe('');
					continue;
				}
				const mean = Number(r[i]);
				expect(mean).toBeGreaterThanOrEqual(0);
				expect(mean).toBeLessThanOrEqual(10);
				expect(Number(r[i + 1])).toBeLessThan(Number(r[i + 2]));
				expect(Number(band)).toBe(surveyBand(Number(r[i + 8])));
			}
		}
		expect(bands.has('4')).toBe(true);
		expect([...bands].some((b) => Number(b) >= 5)).toBe(true);
		expect([...bands].some((b) => Number(b) <= 3 && b !== '0')).toBe(true);
	});
});
