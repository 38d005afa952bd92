/** Licences and the attribution text each publisher asks for, shown on /about/data. */
import type { DatasetId } from '../../src/lib/schema/site-data.ts';

export const LICENCES: { name: string; path: string; title: string; attribution: string; datasets: DatasetId[] }[] = [
	{
		name: 'OGL-UK-3.0',
		path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
		title: 'Open Government Licence v3.0',
		attribution: 'Contains public sector information licensed under the Open Government Licence v3.0 (NHS England statistics: RTT waiting times, A&E attendances; NHS England ODS organisation data; NHS website hospital list; CQC NHS Adult Inpatient Survey; Department for Education children’s services statistics; Defra waste and fly-tipping statistics; Ofsted inspection outcomes; NHS Digital Adult Social Care Outcomes Framework; ONS similar areas).',
		datasets: [
			'rtt', 'ae', 'trusts', 'independent-providers', 'independent-sites', 'hospital-sites', 'inpatient-survey',
			'council-waste', 'council-fly-tipping', 'council-ofsted', 'council-ascof', 'council-dfe-cin', 'council-dfe-cpp',
			'council-dfe-cla', 'council-dfe-workforce', 'council-peers-ons', 'council-peers-ons-clusters', 'council-peers-dfe'
		]
	},
	{
		name: 'OS-OpenData',
		path: 'https://www.ordnancesurvey.co.uk/documents/licensing/code-point-open-end-user-licence.pdf',
		title: 'OS OpenData licence (OGL-compatible)',
		attribution: 'Contains OS data © Crown copyright and database right 2014. Contains Royal Mail data © Royal Mail copyright and database right 2014. Contains National Statistics data © Crown copyright and database right 2014.',
		datasets: ['postcodes-codepoint', 'postcode-sectors', 'postcode-districts', 'postcode-outcodes']
	}
];
