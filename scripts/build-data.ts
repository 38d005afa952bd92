/**
 * npm run data:build -- --input <folder> [--out static/data] [--allow-rejects] [--demonstration] [--cache <dir>]
 * Strict by default: any rejected row fails the build and the previous output stays.
 * RTT months whose file and build code are unchanged come from the month cache
 * (default .cache/data-build/rtt-months), so adding a month costs one month.
 */
import { parseArgs } from 'node:util';
import { BuildFailed, buildSiteData, DEFAULT_MONTH_CACHE } from './build/pipeline.ts';

const { values } = parseArgs({
	options: {
		input: { type: 'string' },
		out: { type: 'string', default: 'static/data' },
		'allow-rejects': { type: 'boolean', default: false },
		demonstration: { type: 'boolean', default: false },
		cache: { type: 'string', default: DEFAULT_MONTH_CACHE },
		quiet: { type: 'boolean', default: false }
	}
});

if (!values.input) {
	console.error('Usage: npm run data:build -- --input <folder of published files> [--out static/data] [--allow-rejects] [--cache <dir>]');
	process.exit(2);
}

const started = Date.now();
try {
	const manifest = await buildSiteData({
		input: values.input,
		out: values.out!,
		allowRejects: values['allow-rejects']!,
		demonstration: values.demonstration!,
		cache: values.cache,
		log: values.quiet ? undefined : (line) => console.log(line)
	});
	const rows = manifest.sources.reduce((sum, s) => sum + s.rowsRead, 0);
	const rejected = manifest.sources.reduce((sum, s) => sum + s.rowsRejected, 0);
	console.log(`Built ${values.out} from ${manifest.sources.length} files (${rows} rows read, ${rejected} rejected) for ${manifest.periods.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
	if (error instanceof BuildFailed) {
		console.error(error.message);
		console.error(`Nothing was written: ${values.out} still holds the last good data.`);
		process.exit(1);
	}
	throw error;
}
