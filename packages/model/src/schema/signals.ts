import { Type } from '@sinclair/typebox';
import { Closed, StringEnum, Timestamp } from './kit';

/** What a signal measures. */
export const SIGNAL_METRICS = ['carbon-intensity', 'carbon-intensity-marginal', 'electricity-price'] as const;

/** What a signal metric measures: location-based or marginal grid intensity, or wholesale price. */
export const SignalMetricSchema = StringEnum(SIGNAL_METRICS, {
  description:
    'carbon-intensity (location-based, gCO2e/kWh), carbon-intensity-marginal (gCO2e/kWh), electricity-price (currency/MWh).',
});

/** One value of a signal over an interval `[start, start + duration)`. */
export const SignalPointSchema = Type.Object(
  {
    zone: Type.String({ minLength: 1, maxLength: 64, description: 'Grid zone.' }),
    metric: SignalMetricSchema,
    start: Timestamp('Start of the interval.'),
    duration: Type.Integer({ minimum: 1, description: 'Length of the interval in seconds.' }),
    value: Type.Number({ description: 'Value over the interval.' }),
    unit: Type.String({ minLength: 1, maxLength: 32, description: 'Unit, e.g. gCO2e/kWh or EUR/MWh.' }),
    kind: StringEnum(['actual', 'forecast'], { description: 'Measured or forecast.' }),
    source: Type.String({ minLength: 1, maxLength: 128, description: 'Who produced the value.' }),
    generatedAt: Timestamp('When the value was produced.'),
  },
  { ...Closed, description: 'A signal point.' },
);

/** A time series of one metric in one zone, points in time order. */
export const SignalSeriesSchema = Type.Object(
  {
    zone: Type.String({ minLength: 1, maxLength: 64, description: 'Grid zone.' }),
    metric: SignalMetricSchema,
    unit: Type.String({ minLength: 1, maxLength: 32, description: 'Unit of every point.' }),
    source: Type.String({ minLength: 1, maxLength: 128, description: 'Who produced the series.' }),
    points: Type.Array(SignalPointSchema, { description: 'Points in time order, not overlapping.' }),
  },
  { ...Closed, description: 'A signal series.' },
);
