/**
 * @accords/connector-kit: the Accords connector SPI, its error taxonomy, shared mechanics
 * (rate limits, retries, timeouts, credentials, offer cache) and — from
 * `@accords/connector-kit/conformance` — a conformance suite.
 * @packageDocumentation
 */
export type {
  CallOptions,
  Connector,
  ConnectorCapabilities,
  ImageInfo,
  OfferCatalogue,
  ResourceAction,
  ResourceActionName,
  UsageQuery,
} from './connector';
export type {
  ComputeSpec,
  ComputeState,
  NetworkSpec,
  NetworkState,
  Offer,
  ProvisionedResource,
  Region,
  ResourceKind,
  ResourceSpec,
  ResourceState,
  StorageSpec,
  StorageState,
  UsageReading,
} from './model-types';
export type { NormalizedAction } from './actions';
export { actionTargetState, actionsForKind, isTransitional, normalizeAction, READY_STATE, STATES_BY_KIND } from './actions';
export type { ConnectorErrorCode, ConnectorErrorJSON, ConnectorErrorKind, ConnectorErrorOptions } from './errors/connector-error';
export { CONNECTOR_ERROR_KINDS, ConnectorError, isConnectorError, isRetryable } from './errors/connector-error';
export type { Clock } from './mechanics/clock';
export { systemClock } from './mechanics/clock';
export type { ManualClock, ManualClockOptions } from './mechanics/manual-clock';
export { createManualClock } from './mechanics/manual-clock';
export type { DeadlineOptions, ErrorContext, SleepOptions } from './mechanics/abort';
export { abortError, sleep, throwIfAborted, withDeadline } from './mechanics/abort';
export type { RateLimiter, RateLimiterRegistry, RateLimitOptions } from './mechanics/rate-limiter';
export { createRateLimiter, createRateLimiterRegistry } from './mechanics/rate-limiter';
export type { RetryEvent, RetryOptions, RetryPolicy } from './mechanics/retry';
export { backoffDelay, withRetry } from './mechanics/retry';
export type { ResolveSecretOptions, SecretRef } from './mechanics/secrets';
export { resolveSecret, Secret } from './mechanics/secrets';
export type { RedactOptions } from './mechanics/redact';
export { redact, redactText, SENSITIVE_KEY } from './mechanics/redact';
export { checkResourceSpec } from './spec-check';
export type { SingleFlight } from './mechanics/single-flight';
export { createSingleFlight } from './mechanics/single-flight';
export type { ImageFilter } from './mechanics/image-filter';
export { filterImages } from './mechanics/image-filter';
export type { OfferCache, OfferCacheOptions } from './mechanics/offer-cache';
export { createOfferCache } from './mechanics/offer-cache';
export type { ConnectorEvent, ConnectorPolicy } from './mechanics/wrap-connector';
export { wrapConnector } from './mechanics/wrap-connector';
export type { ConfigIssue, NumberCheck, StringCheck } from './mechanics/config-checks';
export { checkNumber, checkString, escapePointerToken, invalidConfigError, isPlainObject } from './mechanics/config-checks';
export type { RegionIdentity, SiteFacts } from './mechanics/site';
export { checkSiteFacts, regionFromSite } from './mechanics/site';
export type { BackendCall, BackendErrorMapping, FailureContext } from './mechanics/backend-call';
export { callBackend, mapBackendError } from './mechanics/backend-call';
