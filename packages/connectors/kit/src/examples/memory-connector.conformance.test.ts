import { runConnectorConformance } from '@accords/connector-kit/conformance';
import { createMemoryConnector } from './memory-connector';

runConnectorConformance(() => ({ connector: createMemoryConnector() }), { name: 'memory example' });
