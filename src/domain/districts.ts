// Matching the 区县 and functional zones as offices write them: code, full name, short name,
// with or without "重庆市", and the former county names of districts created since 1997.

export interface DistrictRef {
  code: string;
  name: string;
  kind: string;
}

/** Former names → today's code (criteria.md §9; GB/T 2260 changes 2000–2016). */
const FORMER_NAMES: Record<string, string> = {
  梁平县: '500155',
  武隆县: '500156',
  开县: '500154',
  铜梁县: '500151',
  潼南县: '500152',
  荣昌县: '500153',
  璧山县: '500120',
  綦江县: '500110',
  大足县: '500111',
  双桥区: '500111',
  万盛区: '500110',
  江津市: '500116',
  合川市: '500117',
  永川市: '500118',
  南川市: '500119',
  长寿县: '500115',
  巴县: '500113',
  江北县: '500112',
  黔江土家族苗族自治县: '500114',
};

/** Other ways the functional zones are written. */
const ZONE_ALIASES: Record<string, string> = {
  两江新区: 'LJXQ',
  重庆两江新区: 'LJXQ',
  高新区: 'GXQ',
  重庆高新区: 'GXQ',
  西部科学城重庆高新区: 'GXQ',
  重庆高新技术产业开发区: 'GXQ',
  万盛经开区: 'WSJK',
  万盛经济技术开发区: 'WSJK',
  重庆万盛经济技术开发区: 'WSJK',
};

const strip = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^重庆市?/, '');

/** Short form of a name: 荣昌区 → 荣昌, 石柱土家族自治县 → 石柱, 忠县 stays 忠县. */
function shortName(name: string): string {
  const short = name.replace(/(土家族苗族自治县|苗族土家族自治县|土家族自治县|自治县|区|县)$/, '');
  return short.length >= 2 ? short : name;
}

export function buildDistrictMatcher(districts: DistrictRef[]) {
  const byKey = new Map<string, string>();
  for (const d of districts) {
    byKey.set(d.code, d.code);
    byKey.set(strip(d.name), d.code);
    byKey.set(shortName(strip(d.name)), d.code);
    // 石柱土家族自治县 is often written 石柱县.
    if (d.kind === 'autonomous_county') byKey.set(`${shortName(strip(d.name))}县`, d.code);
  }
  for (const [name, code] of Object.entries({ ...FORMER_NAMES, ...ZONE_ALIASES })) {
    const key = strip(name);
    if (!byKey.has(key)) byKey.set(key, code);
    if (!byKey.has(shortName(key))) byKey.set(shortName(key), code);
  }
  const kinds = new Map(districts.map((d) => [d.code, d.kind]));
  return {
    /** The code for a written district or zone, or null when nothing matches. */
    match(text: string): string | null {
      const key = strip(String(text));
      if (!key) return null;
      return byKey.get(key) ?? byKey.get(key.toUpperCase()) ?? null;
    },
    isZone: (code: string) => kinds.get(code) === 'zone',
  };
}
