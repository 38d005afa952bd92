/**
 * ODS ephp.csv (independent-sector healthcare providers, e.g. NT4) and
 * ephpsite.csv (their sites, e.g. NT447, each naming its provider in field
 * 15), in the same headerless standard layout as etr.csv (ods-layout.ts).
 * RTT reports many independent providers by their site codes, so both are
 * needed to place them by postcode.
 */
import type { Reader } from './types.ts';
import { odsKind, readOdsRows, type OdsRow } from './ods-layout.ts';

export type IndependentRow = OdsRow;

export const independentProvidersReader: Reader<IndependentRow> = {
	dataset: 'independent-providers',
	recognise: (sample) => odsKind(sample.bytes) === 'independent-providers',
	read: (name, bytes) => readOdsRows(name, bytes, 'independent-providers', 'ephp', 'provider')
};

export const independentSitesReader: Reader<IndependentRow> = {
	dataset: 'independent-sites',
	recognise: (sample) => odsKind(sample.bytes) === 'independent-sites',
	read: (name, bytes) => readOdsRows(name, bytes, 'independent-sites', 'ephpsite', 'site')
};
