import type { JurisdictionPolicy, Manifest, ValidationIssue } from '../types';
import { allowedCountries, isCountryCode } from '../jurisdictions';
import { JURISDICTION_GROUPS } from '../schema/common';

const issue = (code: string, pointer: string, message: string): ValidationIssue => ({
  code,
  message,
  location: { pointer },
});

const HOUR = 3_600_000;

function checkPolicyCodes(policy: JurisdictionPolicy | undefined, at: string, issues: ValidationIssue[]): void {
  for (const list of ['allowed', 'forbidden'] as const) {
    policy?.[list]?.forEach((code, i) => {
      if (!(JURISDICTION_GROUPS as readonly string[]).includes(code) && !isCountryCode(code))
        issues.push(issue('unknown-country', `${at}/${list}/${i}`, `"${code}" is not an ISO 3166-1 country code or a known group.`));
    });
  }
}

/** Jurisdiction codes exist; allowed sets are not empty; confidential data has an allowed set. */
export function checkJurisdictions(manifest: Manifest): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const terms = manifest.terms;
  checkPolicyCodes(terms.jurisdiction, '/terms/jurisdiction', issues);
  const termsAllowed = allowedCountries(terms.jurisdiction);
  if (termsAllowed?.size === 0)
    issues.push(
      issue('empty-jurisdiction', '/terms/jurisdiction', 'Every allowed jurisdiction is also forbidden: nothing could be placed.'),
    );
  manifest.nodes.forEach((node, i) => {
    const at = `/nodes/${i}`;
    checkPolicyCodes(node.jurisdiction, `${at}/jurisdiction`, issues);
    const allowed = node.jurisdiction ? allowedCountries(terms.jurisdiction, node.jurisdiction) : termsAllowed;
    if (allowed?.size === 0 && termsAllowed?.size !== 0)
      issues.push(
        issue(
          'empty-jurisdiction',
          `${at}/jurisdiction`,
          `Node "${node.name}" has no jurisdiction left once the terms' and its own allowed and forbidden lists are combined.`,
        ),
      );
    const classification = node.dataClassification ?? terms.dataClassification;
    if ((classification === 'confidential' || classification === 'restricted') && !allowed)
      issues.push(
        issue(
          'unrestricted-confidential-data',
          node.dataClassification ? `${at}/dataClassification` : '/terms/dataClassification',
          `Node "${node.name}" holds ${classification} data but no allowed jurisdictions are given; add terms.jurisdiction.allowed or the node's jurisdiction.allowed.`,
        ),
      );
  });
  return issues;
}

function checkWindow(window: { from?: string; until?: string; hours?: number }, at: string): ValidationIssue[] {
  if (!window.from || !window.until) return [];
  const from = Date.parse(window.from);
  const until = Date.parse(window.until);
  if (until <= from) return [issue('impossible-window', at, `The end (${window.until}) is not after the start (${window.from}).`)];
  if (window.hours !== undefined && (until - from) / HOUR < window.hours)
    return [
      issue(
        'window-too-short',
        at,
        `The window from ${window.from} to ${window.until} is ${+((until - from) / HOUR).toFixed(2)} h long, shorter than the ${window.hours} h of work.`,
      ),
    ];
  return [];
}

/** Batch windows, scaling bounds and the terms' effective dates are possible. */
export function checkWindowsAndCounts(manifest: Manifest): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  manifest.nodes.forEach((node, i) => {
    if (node.batch)
      issues.push(
        ...checkWindow(
          { from: node.batch.earliestStart, until: node.batch.deadline, hours: node.batch.durationHours },
          `/nodes/${i}/batch/deadline`,
        ),
      );
    const count = node.count;
    if (count) {
      if (count.min !== undefined && count.min > count.initial)
        issues.push(issue('count-bounds', `/nodes/${i}/count/min`, `min (${count.min}) is above initial (${count.initial}).`));
      if (count.max !== undefined && count.max < count.initial)
        issues.push(issue('count-bounds', `/nodes/${i}/count/max`, `max (${count.max}) is below initial (${count.initial}).`));
    }
  });
  const t = manifest.terms;
  issues.push(...checkWindow({ from: t.effectiveFrom, until: t.effectiveUntil }, '/terms/effectiveUntil'));
  return issues;
}

/** Amounts have a currency, providers are not all denied, latency users have a location, remedies say how much. */
export function checkTerms(manifest: Manifest): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const t = manifest.terms;
  t.guarantees?.forEach((g, i) => {
    const at = `/terms/guarantees/${i}`;
    if (g.remedy && g.remedy.amount === undefined && g.remedy.percent === undefined)
      issues.push(issue('remedy-without-value', `${at}/remedy`, `Guarantee "${g.name}" has a ${g.remedy.type} but neither percent nor amount.`));
    if (g.remedy?.amount !== undefined && !t.price?.currency)
      issues.push(
        issue('missing-currency', `${at}/remedy/amount`, `Guarantee "${g.name}" states an amount but terms.price.currency is not set.`),
      );
    if ((g.metric === 'availability' || g.metric === 'error-rate') && (g.target < 0 || g.target > 100))
      issues.push(issue('target-out-of-range', `${at}/target`, `A ${g.metric} target is a percentage between 0 and 100.`));
  });
  const allow = t.providers?.allow;
  const deny = new Set(t.providers?.deny ?? []);
  if (allow && allow.every((p) => deny.has(p)))
    issues.push(issue('empty-provider-set', '/terms/providers', 'Every allowed provider is also denied: nothing could be placed.'));
  t.latency?.users.forEach((u, i) => {
    if (!u.coordinates && !u.region)
      issues.push(issue('missing-location', `/terms/latency/users/${i}`, 'A user location needs coordinates or a region.'));
  });
  return issues;
}
