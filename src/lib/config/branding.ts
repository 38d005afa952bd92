/**
 * This copy's configuration (openwaits.config.json), put into the code by
 * vite.config.ts when the site is built; OpenWaits' own settings otherwise.
 */
import { DEFAULT_CONFIG, type SiteConfig } from './site-config.ts';

declare const __OPENWAITS_CONFIG__: SiteConfig | undefined;

export const siteConfig: SiteConfig = typeof __OPENWAITS_CONFIG__ === 'undefined' ? DEFAULT_CONFIG : __OPENWAITS_CONFIG__;
