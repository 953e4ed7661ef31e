/**
 * @accords/occi: the OCCI 1.2 model (Core, Infrastructure, SLA, Monitoring, Platform), entity
 * validation, state machines, the filter language, and parsers/renderers for text/plain,
 * text/occi, text/uri-list and application/occi+json. No I/O: runs in Node and the browser.
 * @packageDocumentation
 */

export { AccordsError, OcciError, OCCI_ERROR_STATUS, isOcciErrorCode, ok, fail, unwrap } from './errors';
export type { ErrorLocation, Issue, Result, AccordsErrorOptions, AccordsErrorJSON, OcciErrorCode, OcciErrorOptions } from './errors';

export { AttributeDefinition, ATTRIBUTE_TYPES, isAttributeName } from './model/attribute-definition';
export type { AttributeType, AttributeSpec, AttributeDefinitionData } from './model/attribute-definition';
export { Category, Kind, Mixin, Action, categoryId, splitCategoryId, checkIdentity } from './model/category';
export type { CategoryData, KindData, MixinData, ActionData, AttributeSpecs, CategoryCollection, CategoryClass } from './model/category';
export { isLinkData } from './model/entity';
export type { AttributeValue, Attributes, EntityData, ResourceData, LinkData, LinkEnd, AnyEntityData, EntityCollection, ActionInvocation } from './model/entity';
export { Model } from './model/model';
export type { AnyCategory, Typed, ModelOptions } from './model/model';
export { escapePointer } from './model/validate-entity';
export type { ValidationMode, ValidateEntityOptions } from './model/validate-entity';
export type { StateMachine, StateTransition } from './model/state-machine';
export { applicableActions, transition } from './model/transitions';
export type { TransitionOutcome } from './model/transitions';

export {
  OCCI_CORE,
  OCCI_INFRA,
  OCCI_INFRA_NETWORK,
  OCCI_INFRA_NETWORKINTERFACE,
  OCCI_INFRA_CREDENTIALS,
  OCCI_INFRA_COMPUTE,
  OCCI_COMPUTE_ACTION,
  OCCI_STORAGE_ACTION,
  OCCI_NETWORK_ACTION,
  OCCI_SLA,
  OCCI_AGREEMENT_ACTION,
  OCCI_MONITORING,
  OCCI_PLATFORM,
  OCCI_APPLICATION_ACTION,
  OCCI_COMPONENT_ACTION,
  ACCORDS_SCHEME_PREFIX,
  KIND,
  MIXIN,
  ACTION,
} from './standard/schemes';
export { CORE_CATEGORIES } from './standard/core';
export { INFRASTRUCTURE_CATEGORIES } from './standard/infrastructure';
export { SLA_CATEGORIES } from './standard/sla';
export { MONITORING_CATEGORIES } from './standard/monitoring';
export { PLATFORM_CATEGORIES } from './standard/platform';
export { STANDARD_STATE_MACHINES } from './standard/state-machines';
export { createStandardModel } from './standard/standard-model';
export type { StandardExtension, StandardModelOptions } from './standard/standard-model';

export { MEDIA_TYPES, isMediaType, isJsonMediaType, negotiate, parseContentType } from './render/media-type';
export type { MediaType } from './render/media-type';
export { STRUCTURES } from './render/structures';
export type { Structure, StructureMap, OcciMessage, RenderedMessage, ParseOptions, RenderOptions } from './render/structures';
export { parse, render } from './render/codec';

export { parseFilter, matchesFilter } from './filter';
export { parseFilterMessage } from './text/filter-message';
export type { Filter, AttributeFilter, FilterQuery } from './filter';

export { OCCI_JSON_SCHEMA, validateJsonSchema } from './json/json-schema';
