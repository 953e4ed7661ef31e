import type { StateMachine } from '../model/state-machine';
import { ACTION, KIND } from './schemes';

const c = ACTION.compute;
const a = ACTION.agreement;

/** State machines of the standard kinds (GFD.224 figures 2-4, GFD.228, GFD.227), as data. */
export const STANDARD_STATE_MACHINES: readonly StateMachine[] = [
  {
    kind: KIND.compute,
    attribute: 'occi.compute.state',
    initial: 'inactive',
    transitions: [
      { action: c.start, from: ['inactive', 'suspended', 'error'], to: 'active' },
      { action: c.stop, from: ['active', 'suspended', 'error'], to: 'inactive' },
      { action: c.restart, from: ['active', 'error'], to: 'active' },
      { action: c.suspend, from: ['active'], to: 'suspended' },
      { action: c.save, from: ['active'], to: 'active' },
      { action: c.save, from: ['inactive'], to: 'inactive' },
    ],
  },
  {
    kind: KIND.storage,
    attribute: 'occi.storage.state',
    initial: 'offline',
    transitions: [
      { action: ACTION.storage.online, from: ['offline', 'error'], to: 'online' },
      { action: ACTION.storage.offline, from: ['online', 'error'], to: 'offline' },
    ],
  },
  {
    kind: KIND.network,
    attribute: 'occi.network.state',
    initial: 'inactive',
    transitions: [
      { action: ACTION.network.up, from: ['inactive', 'error'], to: 'active' },
      { action: ACTION.network.down, from: ['active', 'error'], to: 'inactive' },
    ],
  },
  { kind: KIND.networkinterface, attribute: 'occi.networkinterface.state', initial: 'inactive', transitions: [] },
  { kind: KIND.storagelink, attribute: 'occi.storagelink.state', initial: 'inactive', transitions: [] },
  {
    kind: KIND.agreement,
    attribute: 'occi.agreement.state',
    initial: 'pending',
    transitions: [
      { action: a.accept, from: ['pending'], to: 'accepted' },
      { action: a.reject, from: ['pending'], to: 'rejected' },
      { action: a.suspend, from: ['accepted'], to: 'suspended' },
      { action: a.resume, from: ['suspended'], to: 'accepted' },
      { action: a.terminate, from: ['accepted', 'suspended'], to: 'terminated' },
    ],
  },
  {
    kind: KIND.application,
    attribute: 'occi.app.state',
    initial: 'inactive',
    transitions: [
      { action: ACTION.application.start, from: ['inactive', 'error'], to: 'active' },
      { action: ACTION.application.stop, from: ['active', 'error'], to: 'inactive' },
    ],
  },
  {
    kind: KIND.component,
    attribute: 'occi.component.state',
    initial: 'inactive',
    transitions: [
      { action: ACTION.component.start, from: ['inactive', 'error'], to: 'active' },
      { action: ACTION.component.stop, from: ['active', 'error'], to: 'inactive' },
    ],
  },
];
