import type { CategoryCollection, MixinData } from '../model/category';
import type { ActionInvocation, AnyEntityData, EntityCollection, LinkData, ResourceData } from '../model/entity';
import type { Model } from '../model/model';

/** What a message carries (GFD.223/GFD.229/JSON rendering structures). */
export type Structure = 'categories' | 'resource' | 'link' | 'entity' | 'collection' | 'locations' | 'action' | 'mixin' | 'association';

/** Every {@link Structure}. */
export const STRUCTURES: readonly Structure[] = ['categories', 'resource', 'link', 'entity', 'collection', 'locations', 'action', 'mixin', 'association'];

/** The value type of each {@link Structure}. */
export interface StructureMap {
  /** Query interface: kinds, mixins and actions. */
  categories: CategoryCollection;
  resource: ResourceData;
  link: LinkData;
  /** A resource or a link. */
  entity: AnyEntityData;
  /** Entity collection. */
  collection: EntityCollection;
  /** Location list (paths or URLs). */
  locations: string[];
  /** Action invocation. */
  action: ActionInvocation;
  /** A user mixin definition (POST / DELETE on the query interface). */
  mixin: MixinData;
  /** Mixin association: the locations of the entities a mixin is (to be) applied to. */
  association: string[];
}

/** An HTTP message as the codecs see it: header names in any case, values single or repeated. */
export interface OcciMessage {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A rendered message: the Content-Type to send, OCCI headers (canonical names) and the body. */
export interface RenderedMessage {
  contentType: string;
  headers: Record<string, string[]>;
  body: string;
}

/** Options of {@link parse}. */
export interface ParseOptions {
  /** Types attribute values (text renderings) and tells kinds from mixins when `class` is missing. */
  model?: Model;
  /** JSON validation: `fast` (default, hand-written, same rules as the schema) or `schema` (ajv against schemas/occi-1.2.json). */
  jsonValidation?: 'fast' | 'schema';
}

/** Options of {@link render}. */
export interface RenderOptions {
  /** When given, entities without `actions` get the actions legal in their state. */
  model?: Model;
}
