/** @accords/sdk: A thin typed OCCI 1.2 client for Accords and any OCCI server, and the accords CLI. */
export const PACKAGE_NAME = '@accords/sdk';

export { createClient } from './client';
export type { Client, ClientOptions } from './client';
export type { CallOptions } from './context';
export { createServerModel, idOf } from './discovery';
export type { AnyCategory, ServerModel } from './discovery';
export type { CreateInput, EntitiesApi, Fetched, LinkInput, ListFilter, ListOptions, UpdateInput, WriteOptions } from './entities';
export type { MixinsApi, UserMixinInput } from './mixins';
export { manifestBody } from './broker';
export type { AgreementView, BrokerApi, BrokerEvent, BrokerEventData, ManifestInput, Submission, UsageEntry, WatchOptions } from './broker';
export { OcciClientError, isOcciClientError, codeForStatus } from './errors';
export type { ClientErrorCode, OcciClientErrorOptions } from './errors';
export { readErrorBody } from './error-body';
export type { ErrorBody } from './error-body';
export { createTransport, errorFromResponse } from './transport/http';
export type { HttpMethod, HttpRequest, HttpResponse, QueryParams, RetryInfo, Transport, TransportOptions } from './transport/http';
export { DEFAULT_RETRY_POLICY, resolveRetryPolicy, retryDelay, parseRetryAfter } from './transport/retry';
export type { RetryPolicy } from './transport/retry';
export type { Credentials } from './transport/auth';
export { readEventStream } from './transport/sse';
export type { ServerSentEvent } from './transport/sse';
export { paginate, collect } from './pagination';
export type { PaginateOptions } from './pagination';
export type { Rendering } from './wire';
