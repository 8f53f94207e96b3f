/**
 * The outlets a student can name: the four documents and the publishers quoted on the search-results
 * page. Shared by the who-says-what templates and by any template that names where a figure or a
 * claim comes from.
 */
import type { Citation } from '@quiz/prisma/knowledge';

/** The search-results page: one file, many publishers (each snippet is its own outlet). */
export const SEARCH_PAGE = 'search-results-december-2025';

/** How a student knows each outlet; snippet publishers as the search page names them. */
export const OUTLET_LABELS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/^wikipedia/i, 'wikipedia', 'Wikipedia'],
  [/^iranwire/i, 'iranwire', 'IranWire'],
  [/^mena-research/i, 'mena', 'The MENA Research Center'],
  [/^alrumaihi/i, 'alrumaihi', 'Mohammad Alrumaihi'],
  [/^Responsible Statecraft/, 'responsible-statecraft', 'Responsible Statecraft'],
  [/^United States Institute of Peace/, 'usip', 'The United States Institute of Peace'],
  [/^The Atlantic/, 'atlantic', 'The Atlantic'],
  [/^Center for Strategic/, 'csis', 'The Center for Strategic and International Studies'],
  [/^Institute for the Study of War/, 'isw', 'The Institute for the Study of War'],
  [/^IDF site/, 'idf', 'The IDF website'],
  [/^New Lines Institute/, 'new-lines', 'The New Lines Institute'],
  [/^Iran International/, 'iran-international', 'Iran International'],
  [/^Wilson Center/, 'wilson', 'The Wilson Center'],
];

/** Outlet id of a citation: its document, or the snippet's publisher; undefined if unknown. */
export const outletOf = (c: Pick<Citation, 'source' | 'locator'>): string | undefined => {
  const name =
    c.source === SEARCH_PAGE ? (c.locator.match(/^snippet: (.+)$/)?.[1] ?? '') : c.source;
  return OUTLET_LABELS.find(([re]) => re.test(name))?.[1];
};

export const outletLabel = (id: string): string =>
  OUTLET_LABELS.find(([, o]) => o === id)?.[2] ?? id;
