import type { Provider, Region } from '../types';

/** The demo providers: fictitious companies, real places. */
export const DEMO_PROVIDERS: readonly Provider[] = [
  { id: 'nimbus', name: 'Nimbus Cloud', connector: 'sim', credentialsRef: 'env:NIMBUS_TOKEN', headquarters: 'US' },
  { id: 'aurora', name: 'Aurora Sovereign Cloud', connector: 'sim', credentialsRef: 'env:AURORA_TOKEN', headquarters: 'FR' },
  { id: 'boreal', name: 'Boreal Compute', connector: 'sim', credentialsRef: 'env:BOREAL_TOKEN', headquarters: 'SE' },
  { id: 'kumo', name: 'Kumo Networks', connector: 'sim', credentialsRef: 'env:KUMO_TOKEN', headquarters: 'JP' },
  { id: 'voltgpu', name: 'VoltGPU', connector: 'sim', credentialsRef: 'env:VOLTGPU_TOKEN', headquarters: 'CA' },
  { id: 'meridian', name: 'Meridian Hosting', connector: 'sim', credentialsRef: 'env:MERIDIAN_TOKEN', headquarters: 'ZA' },
];

type Site = [
  id: string,
  name: string,
  country: string,
  city: string,
  lat: number,
  lon: number,
  timeZone: string,
  pue: number,
  renewableShare: number,
  heatReuse: number,
  zone: string,
  egressPricePerGB: number,
];

// Zone ids follow the grid-zone naming of public carbon-signal services (country code, with a
// suffix where one country spans several time zones).
const SITES: Record<string, Site[]> = {
  nimbus: [
    ['us-east', 'US East (Virginia)', 'US', 'Ashburn', 39.04, -77.49, 'America/New_York', 1.15, 0.45, 0, 'US-EAST', 0.08],
    ['us-west', 'US West (Oregon)', 'US', 'The Dalles', 45.6, -121.18, 'America/Los_Angeles', 1.1, 0.85, 0, 'US-NW', 0.08],
    ['eu-west', 'EU West (Dublin)', 'IE', 'Dublin', 53.35, -6.26, 'Europe/Dublin', 1.13, 0.7, 0.05, 'IE', 0.08],
    ['eu-central', 'EU Central (Frankfurt)', 'DE', 'Frankfurt am Main', 50.11, 8.68, 'Europe/Berlin', 1.18, 0.6, 0.1, 'DE', 0.08],
    ['ap-northeast', 'Asia Pacific (Tokyo)', 'JP', 'Tokyo', 35.68, 139.69, 'Asia/Tokyo', 1.3, 0.25, 0, 'JP-TK', 0.1],
    ['ap-southeast', 'Asia Pacific (Sydney)', 'AU', 'Sydney', -33.87, 151.21, 'Australia/Sydney', 1.25, 0.35, 0, 'AU-NSW', 0.11],
    ['ap-south', 'Asia Pacific (Mumbai)', 'IN', 'Mumbai', 19.08, 72.88, 'Asia/Kolkata', 1.45, 0.2, 0, 'IN-WE', 0.1],
    ['sa-east', 'South America (São Paulo)', 'BR', 'São Paulo', -23.55, -46.63, 'America/Sao_Paulo', 1.35, 0.8, 0, 'BR-CS', 0.13],
  ],
  aurora: [
    ['fr-par', 'Paris', 'FR', 'Paris', 48.86, 2.35, 'Europe/Paris', 1.25, 0.3, 0.2, 'FR', 0.01],
    ['de-fra', 'Frankfurt', 'DE', 'Frankfurt am Main', 50.11, 8.68, 'Europe/Berlin', 1.3, 0.5, 0.15, 'DE', 0.01],
    ['nl-ams', 'Amsterdam', 'NL', 'Amsterdam', 52.37, 4.9, 'Europe/Amsterdam', 1.2, 0.6, 0.3, 'NL', 0.01],
    ['pl-waw', 'Warsaw', 'PL', 'Warsaw', 52.23, 21.01, 'Europe/Warsaw', 1.4, 0.15, 0, 'PL', 0.01],
    ['es-mad', 'Madrid', 'ES', 'Madrid', 40.42, -3.7, 'Europe/Madrid', 1.3, 0.55, 0, 'ES', 0.01],
  ],
  boreal: [
    ['se-lul', 'Luleå', 'SE', 'Luleå', 65.58, 22.15, 'Europe/Stockholm', 1.07, 1, 0.6, 'SE', 0.02],
    ['fi-hel', 'Helsinki', 'FI', 'Espoo', 60.2, 24.66, 'Europe/Helsinki', 1.12, 0.9, 0.8, 'FI', 0.02],
    ['no-osl', 'Oslo', 'NO', 'Oslo', 59.91, 10.75, 'Europe/Oslo', 1.1, 1, 0.4, 'NO', 0.02],
    ['is-kef', 'Keflavík', 'IS', 'Reykjanesbær', 63.99, -22.56, 'Atlantic/Reykjavik', 1.05, 1, 0.25, 'IS', 0.03],
    ['ch-zrh', 'Zürich', 'CH', 'Zürich', 47.37, 8.54, 'Europe/Zurich', 1.2, 0.95, 0.5, 'CH', 0.02],
  ],
  kumo: [
    ['sg-sin', 'Singapore', 'SG', 'Singapore', 1.35, 103.82, 'Asia/Singapore', 1.4, 0.05, 0, 'SG', 0.09],
    ['kr-sel', 'Seoul', 'KR', 'Seoul', 37.57, 126.98, 'Asia/Seoul', 1.3, 0.1, 0, 'KR', 0.09],
    ['jp-osa', 'Osaka', 'JP', 'Osaka', 34.69, 135.5, 'Asia/Tokyo', 1.3, 0.2, 0, 'JP-KN', 0.09],
  ],
  voltgpu: [
    ['ca-mtl', 'Montréal', 'CA', 'Montréal', 45.5, -73.57, 'America/Toronto', 1.15, 0.95, 0.35, 'CA-QC', 0.05],
    ['us-tx', 'Dallas', 'US', 'Dallas', 32.78, -96.8, 'America/Chicago', 1.35, 0.3, 0, 'US-TEX', 0.05],
    ['fi-kaj', 'Kajaani', 'FI', 'Kajaani', 64.23, 27.73, 'Europe/Helsinki', 1.1, 1, 0.7, 'FI', 0.04],
  ],
  meridian: [
    ['za-jnb', 'Johannesburg', 'ZA', 'Johannesburg', -26.2, 28.05, 'Africa/Johannesburg', 1.5, 0.1, 0, 'ZA', 0.12],
    ['cl-scl', 'Santiago', 'CL', 'Santiago', -33.45, -70.67, 'America/Santiago', 1.4, 0.6, 0, 'CL-SEN', 0.12],
  ],
};

/** The demo regions: 26 sites on six continents (ids are `<provider>-<site>`). */
export const DEMO_REGIONS: readonly Region[] = Object.entries(SITES).flatMap(([providerId, sites]) =>
  sites.map(
    ([site, name, country, city, lat, lon, timeZone, pue, renewableShare, heatReuse, zone, egress]): Region => ({
      id: `${providerId}-${site}`,
      providerId,
      name,
      country,
      city,
      coordinates: { lat, lon },
      timeZone,
      pue,
      renewableShare,
      heatReuse,
      zone,
      egressPricePerGB: egress,
      currency: 'EUR',
    }),
  ),
);
