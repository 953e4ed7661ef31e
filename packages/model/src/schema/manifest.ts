import { Type } from '@sinclair/typebox';
import { Closed, Labels, Name, StringEnum, Timestamp } from './kit';
import {
  ArchitectureSchema,
  DataClassificationSchema,
  JurisdictionPolicySchema,
  ShareSchema,
  StorageClassSchema,
} from './common';
import { ServiceTermsSchema } from './terms';

/** A storage volume attached to a node. */
export const StorageVolumeSchema = Type.Object(
  {
    name: Name('Volume name, unique within the node.'),
    sizeGiB: Type.Number({ exclusiveMinimum: 0, maximum: 1_048_576, description: 'Size in GiB.' }),
    class: Type.Optional(StorageClassSchema),
    mountPath: Type.Optional(Type.String({ pattern: '^/', maxLength: 1024, description: 'Mount point.' })),
    persistent: Type.Optional(Type.Boolean({ description: 'Kept when the node is deleted (default true).' })),
  },
  { ...Closed, description: 'A storage volume.' },
);

/** A network the node is attached to. */
export const NetworkAttachmentSchema = Type.Object(
  {
    network: Name('Name of the network (nodes on the same name share it).'),
    public: Type.Optional(Type.Boolean({ description: 'Give the node a public address on it.' })),
  },
  { ...Closed, description: 'A network attachment.' },
);

/** A port the node exposes. */
export const ExposedPortSchema = Type.Object(
  {
    port: Type.Integer({ minimum: 1, maximum: 65535, description: 'Port number.' }),
    protocol: Type.Optional(StringEnum(['tcp', 'udp'], { description: 'Protocol (default tcp).' })),
    public: Type.Optional(Type.Boolean({ description: 'Reachable from the Internet (default false).' })),
  },
  { ...Closed, description: 'An exposed port.' },
);

/** GPU requirement of a node. */
export const GpuRequirementSchema = Type.Object(
  {
    count: Type.Integer({ minimum: 1, maximum: 64, description: 'Number of GPUs per instance.' }),
    model: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'GPU model, e.g. H100.' })),
    memoryGiB: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'Minimum memory per GPU in GiB.' })),
  },
  { ...Closed, description: 'GPUs per instance.' },
);

/** How many instances of a node run, with scaling bounds. */
export const NodeCountSchema = Type.Object(
  {
    initial: Type.Integer({ minimum: 0, maximum: 100_000, description: 'Instances started at first.' }),
    min: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: 'Fewest instances.' })),
    max: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'Most instances.' })),
  },
  { ...Closed, description: 'Instance count with scaling bounds.' },
);

/** Deferrable batch work: when it may run and whether it may be interrupted. */
export const BatchSchema = Type.Object(
  {
    durationHours: Type.Number({ exclusiveMinimum: 0, maximum: 8784, description: 'Run time in hours.' }),
    earliestStart: Type.Optional(Timestamp('Earliest start time.')),
    deadline: Type.Optional(Timestamp('Time by which the work must be finished.')),
    interruptible: Type.Optional(
      Type.Boolean({ description: 'May be paused and resumed, or run on spot capacity (default false).' }),
    ),
  },
  { ...Closed, description: 'Deferrable batch work.' },
);

/** A compute node of a manifest: what one instance needs and how many run. */
export const ManifestNodeSchema = Type.Object(
  {
    name: Name('Node name, unique within the manifest.'),
    description: Type.Optional(Type.String({ maxLength: 1024 })),
    cores: Type.Number({ exclusiveMinimum: 0, maximum: 1024, description: 'vCPUs per instance.' }),
    memoryGiB: Type.Number({ exclusiveMinimum: 0, maximum: 32_768, description: 'Memory per instance in GiB.' }),
    architecture: Type.Optional(ArchitectureSchema),
    gpus: Type.Optional(GpuRequirementSchema),
    share: Type.Optional(ShareSchema),
    storage: Type.Optional(Type.Array(StorageVolumeSchema, { maxItems: 64, description: 'Volumes.' })),
    networks: Type.Optional(Type.Array(NetworkAttachmentSchema, { maxItems: 16, description: 'Networks.' })),
    ports: Type.Optional(Type.Array(ExposedPortSchema, { maxItems: 256, description: 'Exposed ports.' })),
    image: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'OS image, e.g. ubuntu-24.04.' })),
    osFamily: Type.Optional(StringEnum(['linux', 'windows', 'bsd'], { description: 'OS family.' })),
    packages: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 256, description: 'Software packages.' }),
    ),
    userData: Type.Optional(Type.String({ maxLength: 65_536, description: 'cloud-init user data.' })),
    count: Type.Optional(NodeCountSchema),
    batch: Type.Optional(BatchSchema),
    jurisdiction: Type.Optional(JurisdictionPolicySchema),
    dataClassification: Type.Optional(DataClassificationSchema),
    labels: Type.Optional(Labels()),
  },
  { ...Closed, description: 'A compute node.' },
);

/** A node that is a whole other manifest (a nested service), referenced by URI or path. */
export const NestedServiceSchema = Type.Object(
  {
    name: Name('Service name, unique among the nodes and services of the manifest.'),
    manifest: Type.String({
      minLength: 1,
      maxLength: 2048,
      description: 'Reference to the nested manifest: a URI, a /manifest/<id> location or a relative path.',
    }),
    count: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Copies of the service.' })),
    description: Type.Optional(Type.String({ maxLength: 1024 })),
  },
  { ...Closed, description: 'A nested service: another manifest used as a node.' },
);

/** A relation between two nodes or services. */
export const NodeRelationSchema = Type.Object(
  {
    from: Name('Source node or service.'),
    to: Name('Target node or service.'),
    type: StringEnum(['connects-to', 'depends-on'], { description: 'Relation type.' }),
    trafficGBPerMonth: Type.Optional(
      Type.Number({ minimum: 0, description: 'Expected traffic from source to target, GB per month.' }),
    ),
  },
  { ...Closed, description: 'A relation: connects-to (with traffic) or depends-on (start order).' },
);

/** Affinity or anti-affinity of nodes over a scope. */
export const PlacementGroupSchema = Type.Object(
  {
    name: Name('Group name.'),
    policy: StringEnum(['affinity', 'anti-affinity'], { description: 'Keep together or spread apart.' }),
    scope: StringEnum(['region', 'provider', 'jurisdiction'], { description: 'What must be shared or differ.' }),
    nodes: Type.Array(Name(), {
      minItems: 1,
      uniqueItems: true,
      description: 'Member nodes; the instances of every member are in the group.',
    }),
  },
  { ...Closed, description: 'A placement group.' },
);

/** A manifest: what a user needs and on what terms. */
export const ManifestSchema = Type.Object(
  {
    apiVersion: Type.Literal('accords.dev/v1', { description: 'Manifest format version.' }),
    name: Name('Manifest name.'),
    description: Type.Optional(Type.String({ maxLength: 4096 })),
    labels: Type.Optional(Labels()),
    nodes: Type.Array(ManifestNodeSchema, { minItems: 1, maxItems: 10_000, description: 'Compute nodes.' }),
    services: Type.Optional(Type.Array(NestedServiceSchema, { maxItems: 100, description: 'Nested services.' })),
    relations: Type.Optional(Type.Array(NodeRelationSchema, { maxItems: 10_000, description: 'Relations.' })),
    groups: Type.Optional(Type.Array(PlacementGroupSchema, { maxItems: 1000, description: 'Placement groups.' })),
    terms: ServiceTermsSchema,
  },
  { ...Closed, description: 'An Accords manifest.' },
);
