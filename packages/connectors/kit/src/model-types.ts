/**
 * The @accords/model types the connector SPI speaks, re-exported so that a connector author
 * imports everything from the kit.
 */
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
} from '@accords/model';
