/**
 * Every council measure, as data: the one table the build, the council pages, the
 * league tables and the data files all read. A new measure is a row here plus a
 * reader that emits observations with its id; nothing else changes.
 */
import type { CouncilMeasure } from '../schema/council.ts';

/** What the build adds to a catalogue row: the years it found, the input file and the output paths. */
export type MeasureDefinition = Omit<CouncilMeasure, 'years' | 'path' | 'csv' | 'source'> & {
	source: Omit<CouncilMeasure['source'], 'file'>;
};

const OGL = 'Open Government Licence v3.0';
const UPPER_TIER = 'Upper-tier councils (counties, unitaries, metropolitan and London boroughs), which run children’s and adult social care';
const DEFRA_WASTE = { publisher: 'Defra', title: 'Local authority collected waste statistics', licence: OGL };
const DFE_CIN = { publisher: 'Department for Education', title: 'Children in need', licence: OGL };
const DFE_CPP = { publisher: 'Department for Education', title: 'Children in need: child protection plans', licence: OGL };
const DFE_CLA = { publisher: 'Department for Education', title: 'Children looked after in England', licence: OGL };
const DFE_CSWW = { publisher: 'Department for Education', title: 'Children’s social work workforce', licence: OGL };
const ASCOF = { publisher: 'NHS Digital', title: 'Adult Social Care Outcomes Framework', licence: OGL };
const CHILDREN_PEERS = ['dfe', 'type', 'region', 'england'] as const;
const PLACE_PEERS = ['ons-global', 'ons-economic', 'ons-demographic', 'type', 'region', 'england'] as const;
const UPPER_TYPES = ['county', 'unitary', 'metropolitan', 'london'] as const;

export const COUNCIL_MEASURES: readonly MeasureDefinition[] = [
	{
		id: 'household-recycling',
		title: 'Household waste recycled',
		description: 'Share of household waste sent for recycling, composting or reuse (by weight).',
		service: 'waste',
		numeratorLabel: 'Household waste sent for recycling, composting or reuse (tonnes)',
		denominatorLabel: 'Household waste (tonnes)',
		unit: 'percent',
		decimals: 1,
		better: 'higher',
		comparison: 'peer-spread',
		coverage: 'Councils that collect household waste: districts, unitaries, metropolitan and London boroughs (county figures are for waste disposal)',
		types: ['district', 'unitary', 'metropolitan', 'london', 'county'],
		peerGroups: [...PLACE_PEERS],
		source: DEFRA_WASTE
	},
	{
		id: 'residual-waste-per-household',
		title: 'Waste not recycled, per household',
		description: 'Household waste not sent for recycling, composting or reuse, in kilograms per household (Defra’s published figure).',
		service: 'waste',
		numeratorLabel: null,
		denominatorLabel: null,
		unit: 'kg-per-household',
		decimals: 1,
		better: 'lower',
		comparison: 'peer-spread',
		coverage: 'Councils that collect household waste: districts, unitaries, metropolitan and London boroughs',
		types: ['district', 'unitary', 'metropolitan', 'london'],
		peerGroups: [...PLACE_PEERS],
		source: DEFRA_WASTE
	},
	{
		id: 'fly-tipping-incidents',
		title: 'Fly-tipping incidents reported',
		description: 'Fly-tipping incidents the council dealt with in the year. A count: it grows with the size of the place, so it is shown over time but never ranked.',
		service: 'waste',
		numeratorLabel: 'Incidents',
		denominatorLabel: null,
		unit: 'count',
		decimals: 0,
		better: 'lower',
		comparison: 'none',
		coverage: 'Councils that collect household waste: districts, unitaries, metropolitan and London boroughs',
		types: ['district', 'unitary', 'metropolitan', 'london'],
		peerGroups: [...PLACE_PEERS],
		source: { publisher: 'Defra', title: 'Fly-tipping incidents and actions taken in England', licence: OGL }
	},
	{
		id: 'cin-rereferrals',
		title: 'Children’s social care re-referrals',
		description: 'Referrals to children’s social care that came within 12 months of an earlier referral of the same child.',
		service: 'childrens-services',
		numeratorLabel: 'Re-referrals within 12 months',
		denominatorLabel: 'Referrals',
		unit: 'percent',
		decimals: 1,
		better: 'lower',
		comparison: 'binomial',
		coverage: UPPER_TIER,
		types: [...UPPER_TYPES],
		peerGroups: [...CHILDREN_PEERS],
		source: DFE_CIN
	},
	{
		id: 'cpp-subsequent',
		title: 'Repeat child protection plans',
		description: 'Child protection plans started in the year that were a child’s second or later plan.',
		service: 'childrens-services',
		numeratorLabel: 'Second or later plans',
		denominatorLabel: 'Plans started',
		unit: 'percent',
		decimals: 1,
		better: 'lower',
		comparison: 'binomial',
		coverage: UPPER_TIER,
		types: [...UPPER_TYPES],
		peerGroups: [...CHILDREN_PEERS],
		source: DFE_CPP
	},
	{
		id: 'cla-placement-moves',
		title: 'Children in care with 3 or more placements',
		description: 'Children looked after on 31 March who had 3 or more placements during the year.',
		service: 'childrens-services',
		numeratorLabel: 'Children with 3 or more placements',
		denominatorLabel: 'Children looked after on 31 March',
		unit: 'percent',
		decimals: 1,
		better: 'lower',
		comparison: 'binomial',
		coverage: UPPER_TIER,
		types: [...UPPER_TYPES],
		peerGroups: [...CHILDREN_PEERS],
		source: DFE_CLA
	},
	{
		id: 'sw-turnover',
		title: 'Children’s social worker turnover',
		description: 'Children and family social workers (full-time equivalent) who left in the year, as a share of those in post.',
		service: 'childrens-services',
		numeratorLabel: 'Leavers (FTE)',
		denominatorLabel: 'Social workers in post (FTE)',
		unit: 'percent',
		decimals: 1,
		better: 'lower',
		comparison: 'peer-spread',
		coverage: UPPER_TIER,
		types: [...UPPER_TYPES],
		peerGroups: [...CHILDREN_PEERS],
		source: DFE_CSWW
	},
	{
		id: 'sw-agency',
		title: 'Agency children’s social workers',
		description: 'Agency social workers as a share of all children and family social workers (full-time equivalent).',
		service: 'childrens-services',
		numeratorLabel: 'Agency workers (FTE)',
		denominatorLabel: 'Agency workers and social workers in post (FTE)',
		unit: 'percent',
		decimals: 1,
		better: 'lower',
		comparison: 'peer-spread',
		coverage: UPPER_TIER,
		types: [...UPPER_TYPES],
		peerGroups: [...CHILDREN_PEERS],
		source: DFE_CSWW
	},
	{
		id: 'sw-vacancy',
		title: 'Children’s social worker vacancies',
		description: 'Vacant social worker posts as a share of all posts (full-time equivalent).',
		service: 'childrens-services',
		numeratorLabel: 'Vacancies (FTE)',
		denominatorLabel: 'Vacancies and social workers in post (FTE)',
		unit: 'percent',
		decimals: 1,
		better: 'lower',
		comparison: 'peer-spread',
		coverage: UPPER_TIER,
		types: [...UPPER_TYPES],
		peerGroups: [...CHILDREN_PEERS],
		source: DFE_CSWW
	},
	{
		id: 'ascof-home-91-days',
		title: 'Older people still at home 91 days after hospital',
		description: 'People aged 65 and over still at home 91 days after leaving hospital into reablement or rehabilitation (ASCOF 2B(1)).',
		service: 'adult-social-care',
		numeratorLabel: 'Still at home after 91 days',
		denominatorLabel: 'Discharged into reablement or rehabilitation',
		unit: 'percent',
		decimals: 1,
		better: 'higher',
		comparison: 'binomial',
		coverage: UPPER_TIER,
		types: [...UPPER_TYPES],
		peerGroups: ['type', 'region', 'england'],
		source: ASCOF
	},
	{
		id: 'ascof-satisfaction',
		title: 'Adult social care: satisfied with care and support',
		description: 'People who use adult social care services who are extremely or very satisfied with their care and support (ASCOF 3A; a weighted survey estimate).',
		service: 'adult-social-care',
		numeratorLabel: null,
		denominatorLabel: null,
		unit: 'percent',
		decimals: 1,
		better: 'higher',
		comparison: 'peer-spread',
		coverage: UPPER_TIER,
		types: [...UPPER_TYPES],
		peerGroups: ['type', 'region', 'england'],
		source: ASCOF
	}
];

export function councilMeasureById(id: string): MeasureDefinition | undefined {
	return COUNCIL_MEASURES.find((m) => m.id === id);
}
