import { describe, expect, it } from 'vitest';
import { ALL_TREATMENTS_CODE, TREATMENTS, exactTreatment, normaliseSearchText, searchTreatments, treatmentByCode } from './treatments.ts';

const codes = (query: string) => searchTreatments(query).map((m) => m.treatment.code);

describe('the treatment list', () => {
	const expectedCodes = [
		'C_999', 'C_100', 'C_101', 'C_110', 'C_120', 'C_130', 'C_140', 'C_150', 'C_160', 'C_170',
		'C_300', 'C_301', 'C_320', 'C_330', 'C_340', 'C_400', 'C_410', 'C_430', 'C_502',
		'X02', 'X03', 'X04', 'X05', 'X06'
	];
	it('has every published RTT treatment function once', () => {
		expect(TREATMENTS.map((t) => t.code).sort()).toEqual([...expectedCodes].sort());
	});
	it('every code has the RTT shape, plain words and at least three terms', () => {
		for (const t of TREATMENTS) {
			expect(t.code).toMatch(/^(C_\d{3}|X0\d)$/);
			expect(t.words.length).toBeGreaterThan(3);
			expect(t.terms.length).toBeGreaterThanOrEqual(3);
		}
	});
	it('no everyday term points at two treatments (the answer would be a coin toss)', () => {
		const seen = new Map<string, string>();
		for (const t of TREATMENTS)
			for (const term of t.terms) {
				const key = normaliseSearchText(term);
				expect(seen.get(key), `${term} in ${t.code}`).toBeUndefined();
				seen.set(key, t.code);
			}
	});

	const byCode: [string, string | null][] = [
		['C_110', 'Trauma and Orthopaedic Service'],
		['X03', 'Other - Mental Health Services'],
		[ALL_TREATMENTS_CODE, 'Total'],
		['C_111', null],
		['', null]
	];
	for (const [code, name] of byCode) {
		it(`treatmentByCode(${JSON.stringify(code)}) → ${name}`, () => expect(treatmentByCode(code)?.name ?? null).toBe(name));
	}
});

describe('searchTreatments: best match', () => {
	const cases: [string, string][] = [
		['hip', 'C_110'],
		['knee', 'C_110'],
		['Hip replacement', 'C_110'],
		['joint replacement', 'C_110'],
		['joint rep', 'C_110'],
		['bunion', 'C_110'],
		['carpal tunnel', 'C_110'],
		['bones', 'C_110'],
		['orthopaedics', 'C_110'],
		['cataract', 'C_130'],
		['cata', 'C_130'],
		['eye', 'C_130'],
		['EYES', 'C_130'],
		['skin', 'C_330'],
		['mole', 'C_330'],
		['eczema', 'C_330'],
		['heart', 'C_320'],
		['chest pain', 'C_320'],
		['Chest-pain!', 'C_320'],
		['ENT', 'C_120'],
		['ear', 'C_120'],
		['tonsils', 'C_120'],
		['hernia', 'C_100'],
		['gallbladder', 'C_100'],
		['varicose veins', 'C_100'],
		['bladder', 'C_101'],
		['prostate', 'C_101'],
		['kidney stones', 'C_101'],
		['womb', 'C_502'],
		['period problems', 'C_502'],
		['breathing', 'C_340'],
		['asthma', 'C_340'],
		['stomach', 'C_301'],
		['bowel', 'C_301'],
		['colonoscopy', 'C_301'],
		['migraine', 'C_400'],
		['epilepsy', 'C_400'],
		['arthritis', 'C_410'],
		['teeth', 'C_140'],
		['wisdom teeth', 'C_140'],
		['jaw', 'C_140'],
		['breast reconstruction', 'C_160'],
		['heart surgery', 'C_170'],
		['crohns', 'C_301'],
		["Crohn's", 'C_301'],
		['mental health', 'X03'],
		['children', 'X04'],
		['C_110', 'C_110'],
		['c110', 'C_110'],
		['c 110', 'C_110'],
		['x02', 'X02'],
		['C_999', 'C_999'],
		['all treatments', 'C_999'],
		['dermatology', 'C_330'],
		['Ophthalmology Service', 'C_130']
	];
	for (const [query, expected] of cases) {
		it(`${JSON.stringify(query)} → ${expected} first`, () => expect(codes(query)[0]).toBe(expected));
	}
});

describe('searchTreatments: nothing to show', () => {
	const cases: string[] = ['', '   ', '!!!', 'zzqqxx', 'and', 'the of', 'xyzzy plugh', '<script>alert(1)</script>', 'C_111', 'h'];
	for (const query of cases) {
		it(`${JSON.stringify(query)} → []`, () => expect(searchTreatments(query)).toEqual([]));
	}
});

describe('searchTreatments: ranking', () => {
	it('"heart" ranks cardiology before heart surgery and heartburn', () => {
		expect(codes('heart').slice(0, 3)).toEqual(['C_320', 'C_170', 'C_301']);
	});
	it('"skin" ranks dermatology before plastic surgery', () => {
		expect(codes('skin')).toEqual(['C_330', 'C_160']);
	});
	it('reports the term that matched', () => {
		expect(searchTreatments('cataracts')[0].matched).toBe('cataracts');
		expect(searchTreatments('c_110')[0].matched).toBe('C_110');
	});
	it('respects a limit', () => expect(searchTreatments('surgery', 2)).toHaveLength(2));
});

describe('normaliseSearchText', () => {
	const cases: [string, string][] = [
		['  Hip  Replacement ', 'hip replacement'],
		["Crohn's", 'crohns'],
		['Ear, Nose & Throat', 'ear nose throat'],
		['Café', 'cafe'],
		['C_110', 'c 110']
	];
	for (const [text, expected] of cases) {
		it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => expect(normaliseSearchText(text)).toBe(expected));
	}
});

describe('exactTreatment: only a whole code, term or name', () => {
	const cases: [string, string | null][] = [
		['C_110', 'C_110'],
		['c 110', 'C_110'],
		['knee', 'C_110'],
		['Knee replacement', 'C_110'],
		['trauma and orthopaedics', 'C_110'],
		['Bones and joints (trauma and orthopaedics)', 'C_110'],
		['Trauma and Orthopaedic Service', 'C_110'],
		['all treatments', ALL_TREATMENTS_CODE],
		// Prefixes and loose words are what searchTreatments guesses from; exactTreatment does not.
		['kne', null],
		['ortho', 'C_110'],
		['orthop', null],
		['bones joints', null],
		['', null],
		['   ', null]
	];
	it.each(cases)('%j → %s', (text, code) => expect(exactTreatment(text)?.code ?? null).toBe(code));
});
