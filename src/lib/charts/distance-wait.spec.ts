import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { WaitFigures } from '../schema/site-data.ts';
import { waitFigures } from '../schema/test-fixtures.ts';
import { contrastRatio as contrast } from '../../../tests/support/contrast.ts';
import {
	COLOURS,
	distanceWaitGeometry,
	formatMedian,
	formatMiles,
	formatPercent,
	formatWeeks,
	type DistanceWaitRow
} from './distance-wait.ts';
import DistanceWaitChart from './DistanceWaitChart.svelte';
import DistanceWaitTable from './DistanceWaitTable.svelte';

const row = (code: string, name: string, miles: number, over: Partial<WaitFigures>, shorter: number | null = null): DistanceWaitRow => ({
	provider: { code, name },
	distanceMiles: miles,
	latest: waitFigures(over),
	shorterThanNearestWeeks: shorter
});

const ROWS: DistanceWaitRow[] = [
	row('RR8', 'Leeds Teaching Hospitals', 1.4, { median: 20, p92: 52 }),
	row('RAE', 'Bradford Teaching Hospitals', 9.2, { median: 12.5, pctWithin18: 71 }, 7.5),
	row('RCF', 'Airedale', 17.8, { median: 14 }, 6),
	row('RWY', 'Calderdale and Huddersfield', 18.9, { median: null, tooFew: true, pctWithin18: null }),
	row('RXF', 'Mid Yorkshire', 22.3, { median: null, medianOver104: true, p92: null, p92Over104: true, pctWithin18: 3 })
];

describe('distanceWaitGeometry', () => {
	const geometry = distanceWaitGeometry(ROWS, { width: 640, height: 360 });

	it('matches the snapshot', () => expect(geometry).toMatchSnapshot());

	const cases: [string, unknown, unknown][] = [
		['points, by distance', geometry.points.map((p) => p.code), ['RR8', 'RAE', 'RCF', 'RXF']],
		['nearest worked out from the rows', geometry.points.filter((p) => p.isNearest).map((p) => p.code), ['RR8']],
		['too few is left off, not drawn at zero', geometry.omitted.map((o) => o.code), ['RWY']],
		['over 104 sits on the ceiling', geometry.points.find((p) => p.over104)?.y, geometry.ceiling?.y],
		['x starts at zero on the left', geometry.xTicks[0], { value: 0, position: 56, label: '0' }],
		['y starts at zero at the bottom', geometry.yTicks[0], { value: 0, position: 312, label: '0' }],
		['axis words', [geometry.xLabel, geometry.yLabel], ['Distance (miles)', 'Half of patients wait (weeks)']]
	];
	for (const [name, actual, expected] of cases) {
		it(name, () => expect(actual).toEqual(expected));
	}

	it('every point lies inside the plot', () => {
		for (const p of geometry.points) {
			expect(p.x).toBeGreaterThanOrEqual(geometry.plot.left);
			expect(p.x).toBeLessThanOrEqual(geometry.plot.right);
			expect(p.y).toBeGreaterThanOrEqual(geometry.plot.top);
			expect(p.y).toBeLessThanOrEqual(geometry.plot.bottom);
		}
	});

	const descriptions: [string, string][] = [
		['RR8', 'Leeds Teaching Hospitals (nearest): 1.4 miles away; half of patients wait 20 weeks or less.'],
		['RAE', 'Bradford Teaching Hospitals: 9.2 miles away; half of patients wait 12.5 weeks or less.'],
		['RXF', 'Mid Yorkshire: 22 miles away; half of patients wait more than 104 weeks.']
	];
	for (const [code, expected] of descriptions) {
		it(`describes ${code}`, () => expect(geometry.points.find((p) => p.code === code)?.description).toBe(expected));
	}

	it('summarises the chart in words', () => {
		expect(geometry.description).toBe(
			'Scatter chart of 4 hospitals: distance from you across, how long half of patients wait up. ' +
				'The nearest is Leeds Teaching Hospitals, 1.4 miles away, where half of patients wait 20 weeks or less. ' +
				'The shortest wait is at Bradford Teaching Hospitals, 9.2 miles away: 12.5 weeks or less. ' +
				'1 not shown because there were too few patients to say; see the table.'
		);
	});

	it('copes with no rows', () => {
		const empty = distanceWaitGeometry([], { width: 320, height: 200 });
		expect(empty.points).toEqual([]);
		expect(empty.description).toBe('No hospitals to show.');
		expect(empty.xTicks.length).toBeGreaterThan(1);
	});

	it('honours a given nearest and margin', () => {
		const g = distanceWaitGeometry(ROWS, { width: 400, height: 300, nearestCode: 'RAE', margin: { left: 80 } });
		expect(g.points.filter((p) => p.isNearest).map((p) => p.code)).toEqual(['RAE']);
		expect(g.margin).toEqual({ top: 16, right: 20, bottom: 48, left: 80 });
		expect(g.xTicks[0].position).toBe(80);
	});
});

describe('words', () => {
	const cases: [string, string, string][] = [
		['formatMiles', formatMiles(1.44), '1.4 miles'],
		['formatMiles', formatMiles(12.6), '13 miles'],
		['formatWeeks', formatWeeks(1), '1 week'],
		['formatWeeks', formatWeeks(12.46), '12.5 weeks'],
		['formatMedian', formatMedian(waitFigures({ median: 0.5 })), '0.5 weeks or less'],
		['formatMedian', formatMedian(waitFigures({ tooFew: true })), 'too few patients to say'],
		['formatMedian', formatMedian(waitFigures({ median: null })), 'too few patients to say'],
		['formatMedian', formatMedian(waitFigures({ median: null, medianOver104: true })), 'more than 104 weeks'],
		['formatPercent', formatPercent(71.6), '72%'],
		['formatPercent', formatPercent(null), 'too few patients to say']
	];
	for (const [name, actual, expected] of cases) {
		it(`${name} → ${expected}`, () => expect(actual).toBe(expected));
	}
});

describe('colours meet WCAG AA on the white background', () => {
	const cases: [string, string, number][] = [
		['point', COLOURS.point, 4.5],
		['nearest', COLOURS.nearest, 4.5],
		['axis', COLOURS.axis, 4.5],
		['text', COLOURS.text, 4.5]
	];
	for (const [name, colour, minimum] of cases) {
		it(`${name} ${colour} ≥ ${minimum}:1`, () => expect(contrast(colour, COLOURS.background)).toBeGreaterThanOrEqual(minimum));
	}
});

describe('rendered SVG and table', () => {
	it('the chart renders to a stable SVG', () => {
		const { body } = render(DistanceWaitChart, { props: { rows: ROWS } });
		expect(body).toContain('role="group"');
		expect(body).toContain('Distance (miles)');
		expect(body).toContain('Half of patients wait (weeks)');
		expect(body.match(/tabindex="0"/g)).toHaveLength(4);
		expect(body).toContain('aria-label="Leeds Teaching Hospitals (nearest): 1.4 miles away; half of patients wait 20 weeks or less."');
		expect(body).toMatchSnapshot();
	});

	it('the table twin has a caption and headers with scope', () => {
		const { body } = render(DistanceWaitTable, { props: { rows: ROWS, nearestCode: 'RR8' } });
		expect(body).toMatch(/<caption[^>]*>Hospitals near you: distance and waiting times<\/caption>/);
		expect(body).toMatch(/Leeds Teaching Hospitals(<!--[^>]*-->)?<span[^>]*> \(nearest\)<\/span>/);
		expect(body.match(/scope="col"/g)).toHaveLength(6);
		expect(body.match(/scope="row"/g)).toHaveLength(5);
		expect(body).toContain('7.5 weeks shorter');
		expect(body).toContain('this is the nearest');
		expect(body).toContain('cannot say');
		expect(body).toMatchSnapshot();
	});
});

describe('the data behind the chart', () => {
	it('has one record per hospital, with units in the column names', async () => {
		const { distanceWaitRecords, DISTANCE_WAIT_COLUMNS } = await import('./distance-wait.ts');
		const { toCsv } = await import('../format/csv.ts');
		const rows = [
			{ provider: { code: 'RZ1', name: '=Evil "Trust"' }, distanceMiles: 3.14159, latest: waitFigures({ median: 12.3 }) },
			{ provider: { code: 'RZ2', name: 'Small', }, distanceMiles: 10, latest: waitFigures({ median: null, tooFew: true }) }
		];
		const records = distanceWaitRecords(rows, '2026-04');
		expect(records[0]).toMatchObject({ provider_code: 'RZ1', distance_miles: 3.1, median_weeks: 12.3, period: '2026-04' });
		const csv = toCsv(DISTANCE_WAIT_COLUMNS, records);
		expect(csv.split(/\r?\n/)[0]).toBe(DISTANCE_WAIT_COLUMNS.join(','));
		expect(csv).toContain(`"'=Evil ""Trust"""`);
		expect(csv).toMatch(/RZ2,Small,2026-04,10,,false,40,60,1000,true/);
	});
});
