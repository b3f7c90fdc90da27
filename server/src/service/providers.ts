// The providers a user can pick (the large-file filter), with their names: only the list, so
// the client can bundle it without the rest of the knowledge base.
import type { ProviderId } from '../kb/types';
import { PROVIDERS } from '../kb/vendors/providers';

export const PROVIDER_NAMES: readonly { readonly id: ProviderId; readonly name: string }[] = PROVIDERS.map(({ id, name }) => ({ id, name }));
