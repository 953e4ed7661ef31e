/**
 * Shape of the hourly profile of each country's grid, and an indicative wholesale price level.
 * These are modelling assumptions chosen for the demo (relative amplitudes of the seasonal,
 * daily-demand, solar and weather swings), not measurements: every series built from them is
 * labelled `source: 'accords-profile'`.
 */
export interface ZoneProfile {
  /** Relative swing winter vs summer (positive: dirtier and dearer in the local winter). */
  season: number;
  /** Relative swing of the daily demand cycle (evening and morning peaks). */
  demand: number;
  /** Relative midday dip from solar generation. */
  solar: number;
  /** Relative multi-day swing from wind and weather. */
  weather: number;
  /** Indicative yearly mean wholesale price, EUR/MWh (assumption, rounded). */
  priceEURPerMWh: number;
}

type Row = [season: number, demand: number, solar: number, weather: number, priceEURPerMWh: number];

const toProfile = ([season, demand, solar, weather, priceEURPerMWh]: Row): ZoneProfile => ({ season, demand, solar, weather, priceEURPerMWh });

const ROWS: Record<string, Row> = {
  US: [0.06, 0.08, 0.1, 0.08, 40],
  CA: [0.1, 0.05, 0.03, 0.06, 30],
  BR: [0.15, 0.05, 0.05, 0.08, 30],
  CL: [0.05, 0.05, 0.35, 0.05, 60],
  IE: [0.08, 0.08, 0.05, 0.3, 100],
  GB: [0.1, 0.08, 0.1, 0.25, 85],
  FR: [0.15, 0.1, 0.08, 0.06, 58],
  DE: [0.1, 0.06, 0.25, 0.2, 78],
  NL: [0.08, 0.05, 0.18, 0.2, 77],
  PL: [0.05, 0.04, 0.08, 0.08, 100],
  ES: [0.05, 0.05, 0.35, 0.15, 63],
  IT: [0.05, 0.06, 0.2, 0.06, 108],
  SE: [0.2, 0.08, 0.02, 0.15, 36],
  FI: [0.2, 0.08, 0.03, 0.2, 45],
  NO: [0.2, 0.06, 0.01, 0.1, 40],
  IS: [0.05, 0.03, 0, 0.02, 35],
  CH: [0.2, 0.06, 0.06, 0.05, 80],
  JP: [0.05, 0.07, 0.12, 0.04, 80],
  KR: [0.05, 0.06, 0.08, 0.03, 100],
  SG: [0.01, 0.03, 0.02, 0.01, 150],
  IN: [0.05, 0.05, 0.12, 0.05, 55],
  AU: [0.06, 0.06, 0.3, 0.1, 75],
  ZA: [0.03, 0.05, 0.06, 0.03, 60],
  AE: [0.05, 0.05, 0.1, 0.02, 50],
};

/** Profiles by ISO 3166-1 alpha-2 country code. */
export const ZONE_PROFILES: Readonly<Record<string, ZoneProfile>> = Object.fromEntries(
  Object.entries(ROWS).map(([country, row]) => [country, toProfile(row)]),
);

/** Profile used for a country without its own entry. */
export const DEFAULT_PROFILE: ZoneProfile = toProfile([0.08, 0.06, 0.1, 0.08, 70]);
