import { OcciError } from '@accords/occi';
import type { ActionData, KindData, Model } from '@accords/occi';
import { serverError } from '../errors';
import { deleteTenant, findTenantByName, insertTenant, issueToken, renameTenant, revokeToken } from '../store/tenant-repo';
import { deleteTenantEntities } from '../store/entity-repo';
import { deleteTenantMixins } from '../store/mixin-repo';
import type { PluginContext, ServerPlugin } from './types';

/** Scheme of the server's own platform categories. */
export const PLATFORM_SCHEME = 'http://schemas.accords.dev/occi/platform#';
/** Identifier of the tenant kind. */
export const TENANT_KIND = `${PLATFORM_SCHEME}tenant`;
/** Scheme of the tenant kind's actions. */
export const TENANT_ACTION_SCHEME = 'http://schemas.accords.dev/occi/platform/tenant/action#';

const NAME = 'accords.tenant.name';
const TOKEN = 'accords.tenant.token';

const actions: ActionData[] = [
  { scheme: TENANT_ACTION_SCHEME, term: 'issue_token', title: 'Issue a new bearer token (shown once, in accords.tenant.token)' },
  {
    scheme: TENANT_ACTION_SCHEME,
    term: 'revoke_token',
    title: 'Revoke a bearer token',
    attributes: { token: { type: 'string', required: true, description: 'The token to revoke, or its id' } },
  },
];

const tenantKind: KindData = {
  scheme: PLATFORM_SCHEME,
  term: 'tenant',
  title: 'Tenant: the owner of entities and user mixins (administrators only)',
  parent: 'http://schemas.ogf.org/occi/core#resource',
  location: '/tenant/',
  actions: actions.map((a) => a.scheme + a.term),
  attributes: {
    [NAME]: { type: 'string', required: true, mutable: true, pattern: '^[a-z0-9][a-z0-9_.-]{0,62}$', description: 'Unique tenant name' },
    [TOKEN]: { type: 'string', required: false, mutable: false, description: 'A bearer token, present only in the answer that issued it' },
  },
};

function requireAdmin(ctx: PluginContext): void {
  if (!ctx.principal.isAdmin) throw serverError('forbidden', 'only an administrator token may manage tenants');
}

async function checkName(ctx: PluginContext, tenant: { id: string; name: unknown }): Promise<string> {
  if (typeof tenant.name !== 'string') throw new OcciError('missing_attribute', `${NAME} is required`, { location: { attribute: NAME } });
  const existing = await findTenantByName(ctx.manager, tenant.name);
  if (existing && existing.id !== tenant.id) throw new OcciError('conflict', `${NAME}: a tenant named "${tenant.name}" already exists`, { location: { attribute: NAME } });
  return tenant.name;
}

/**
 * The built-in plugin that makes tenants OCCI resources: kind `tenant` at `/tenant/`, with the
 * actions `issue_token` and `revoke_token`. Only administrators may use it; a new tenant's
 * first token is shown once, in `accords.tenant.token` of the creation's answer.
 * @param options - `onTokensChanged`: called after a commit that revoked tokens or deleted a tenant
 * @returns the plugin
 */
export function tenantPlugin(options: { onTokensChanged?: () => void } = {}): ServerPlugin {
  const changed = (ctx: PluginContext) => {
    if (options.onTokensChanged) ctx.afterCommit(options.onTokensChanged);
  };
  return {
    name: 'tenants',
    categories(model: Model) {
      model.registerAll({ actions, kinds: [tenantKind] });
    },
    kinds: {
      [TENANT_KIND]: {
        async onCreate(ctx, entity) {
          requireAdmin(ctx);
          const name = await checkName(ctx, { id: entity.id, name: entity.attributes[NAME] });
          await insertTenant(ctx.manager, { id: entity.id, name });
          const token = await issueToken(ctx.manager, entity.id);
          return { transient: { [TOKEN]: token.value } };
        },
        async onUpdate(ctx, change) {
          requireAdmin(ctx);
          const name = await checkName(ctx, { id: change.entity.id, name: change.entity.attributes[NAME] });
          await renameTenant(ctx.manager, { id: change.entity.id, name });
        },
        async onDelete(ctx, entity) {
          requireAdmin(ctx);
          const tenantId = entity.data.id;
          if (tenantId === ctx.principal.tenantId) throw serverError('forbidden', 'an administrator cannot delete its own tenant');
          await deleteTenantEntities(ctx.manager, tenantId);
          await deleteTenantMixins(ctx.manager, tenantId);
          ctx.afterCommit(() => ctx.store.deps.onMixinsChanged?.(tenantId));
          await deleteTenant(ctx.manager, tenantId);
          changed(ctx);
        },
        async onAction(ctx, entity, request) {
          requireAdmin(ctx);
          if (request.action.endsWith('#issue_token')) {
            const token = await issueToken(ctx.manager, entity.data.id);
            return { transient: { [TOKEN]: token.value } };
          }
          const revoked = await revokeToken(ctx.manager, { tenantId: entity.data.id, token: String(request.attributes.token) });
          changed(ctx);
          if (revoked === 0) throw new OcciError('not_found', `token: no live token of this tenant matches`, { location: { attribute: 'token' } });
          return {};
        },
      },
    },
  };
}
