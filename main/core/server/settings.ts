import { LAN_DEFAULT_PORT, lanSettingsSchema, type LanSettings } from '../../../shared/schemas/server';
import type { Db } from '../db/open';
import { settingOf, writeSetting } from '../office/settings';

const KEY = 'server.lan';
const OFF: LanSettings = { enabled: false, address: null, port: LAN_DEFAULT_PORT };

// Off until the Admin switches it on: a fresh install serves nobody but its own window.
const check = (raw: unknown): LanSettings => (raw === undefined ? OFF : lanSettingsSchema.parse(raw));

export const readLanSettings = (db: Db): LanSettings => settingOf(db, KEY, check);
export const writeLanSettings = (db: Db, settings: LanSettings): void => writeSetting(db, KEY, settings);
