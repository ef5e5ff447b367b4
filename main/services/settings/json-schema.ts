import { z } from 'zod';
import { Settings, defaultSettings } from '../../../preload/contract/schemas/settings';

/**
 * The settings schema in the form electron-store and conf take (`schema` is the
 * properties map, `rootSchema` the rest), derived from the one zod schema so the
 * two backends can never disagree with the contract.
 */
export function settingsStoreSchema(): {
  schema: Record<string, object>;
  rootSchema: Record<string, unknown>;
  defaults: Settings;
} {
  const {
    properties,
    $schema: _dialect,
    type: _type,
    ...rootSchema
  } = z.toJSONSchema(Settings) as Record<string, unknown> & {
    properties: Record<string, object>;
  };
  return { schema: properties, rootSchema, defaults: defaultSettings };
}
