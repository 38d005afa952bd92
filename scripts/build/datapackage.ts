/**
 * A Frictionless Data Package (datapackage.json) describing the Parquet
 * downloads, so tools that speak the standard can read the site's data.
 * https://specs.frictionlessdata.io/data-package/
 */
import type { Manifest } from '../../src/lib/schema/site-data.ts';
import { describeTable } from '../../src/lib/schema/tables.ts';

const FIELD_TYPES: Record<string, string> = { VARCHAR: 'string', INTEGER: 'integer', BIGINT: 'integer', DOUBLE: 'number', BOOLEAN: 'boolean' };

/** `extra`: resources written outside the tables (the council measure CSVs). */
export function dataPackage(manifest: Manifest, extra: Record<string, unknown>[] = []) {
	return {
		profile: 'data-package',
		name: 'openwaits',
		title: manifest.demonstration ? 'OpenWaits demonstration data (fictional)' : 'OpenWaits: NHS waiting times, satisfaction and A&E by provider',
		created: manifest.generated,
		licenses: manifest.licences.map((l) => ({ name: l.name, path: l.path, title: l.title })),
		sources: manifest.sources.map((s) => ({ title: s.file, hash: `sha256:${s.sha256}`, rows: s.rowsRead })),
		resources: manifest.tables
			.filter((t) => t.parquet)
			.map((t) => describeTable(manifest, t))
			.map((t) => ({
				name: t.name,
				title: t.title,
				description: t.description,
				path: t.parquet,
				format: 'parquet',
				mediatype: 'application/vnd.apache.parquet',
				schema: { fields: t.columns.map((c) => ({ name: c.name, type: FIELD_TYPES[c.type] ?? 'any', description: c.description })) }
			}))
			.concat(extra as never[])
	};
}
