import { hasNoData } from '../../domain/bulletins/scoring.js';
import { BULLETIN_INDICATORS, BULLETIN_METHOD_LABELS, type BulletinSettings } from '../../domain/bulletins/settings.js';
import type { BulletinSettingsResult } from './bulletins.schemas.js';

/** The settings with every indicator's label, description, methods and whether it has data. */
export function presentSettings(s: BulletinSettings, version: number, updatedAt: Date | null): BulletinSettingsResult {
  return {
    cap: s.cap,
    indicators: s.indicators.map((i) => {
      const def = BULLETIN_INDICATORS[i.key];
      return {
        key: i.key,
        label: def.label,
        description: def.description,
        weight: i.weight,
        method: i.method,
        methodLabel: BULLETIN_METHOD_LABELS[i.method],
        methods: def.methods.map((m) => ({ value: m, label: BULLETIN_METHOD_LABELS[m] })),
        hasData: !hasNoData(i.key),
      };
    }),
    version,
    updatedAt: updatedAt ? updatedAt.toISOString() : null,
  };
}
