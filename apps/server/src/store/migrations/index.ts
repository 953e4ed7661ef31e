import { Initial1763900000001 } from './0001-initial';

/** The core migrations, oldest first. */
export const coreMigrations = [Initial1763900000001];
