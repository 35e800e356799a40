// Writes web/src/modules/dashboard/chongqing.geo.json: the 38 区县 of Chongqing as plain GeoJSON,
// decoded from echarts 4.9's map/json/province/chongqing.json (stored "UTF8Encoding"-compressed),
// with the two codes that file predates patched (梁平县 500228 → 梁平区 500155, 武隆县 500232 →
// 武隆区 500156). Each feature carries `adcode` (the district code the registry uses) and `name`.
//   node scripts/chongqing-geo.mjs                  downloads the echarts 4.9.0 tarball from the npm registry
//   node scripts/chongqing-geo.mjs <file.tgz|.json> reads a downloaded tarball or the extracted chongqing.json
// The boundaries are not an approved standard map: the page says so under the map.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const TARBALL = 'https://registry.npmjs.org/echarts/-/echarts-4.9.0.tgz';
const MEMBER = 'package/map/json/province/chongqing.json';
const OUT = join(dirname(fileURLToPath(import.meta.url)), '../web/src/modules/dashboard/chongqing.geo.json');

/** Codes and names renamed since the file was drawn (县 → 区). */
const PATCHES = {
  500228: { adcode: '500155', name: '梁平区' },
  500232: { adcode: '500156', name: '武隆区' },
};

/** One member of a (ustar) tar archive. */
function tarMember(tar, wanted) {
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    if (!name) break;
    const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const size = Number.parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    const full = prefix ? `${prefix}/${name}` : name;
    if (full === wanted) return tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${wanted} is not in the tarball`);
}

async function source(arg) {
  if (arg?.endsWith('.json')) return readFileSync(arg, 'utf8');
  const gz = arg ? readFileSync(arg) : Buffer.from(await (await fetch(TARBALL)).arrayBuffer());
  return tarMember(gunzipSync(gz), MEMBER).toString('utf8');
}

/** echarts 4's decodePolygon: pairs of characters, zigzag-encoded deltas from the ring's offsets, scaled. */
function decodeRing(encoded, [x0, y0], scale) {
  const ring = [];
  let x = x0;
  let y = y0;
  for (let i = 0; i < encoded.length; i += 2) {
    let dx = encoded.charCodeAt(i) - 64;
    let dy = encoded.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    // 1/1024 of a degree is about 100 m: four decimals keep it.
    ring.push([Math.round((x / scale) * 1e4) / 1e4, Math.round((y / scale) * 1e4) / 1e4]);
  }
  return ring;
}

function decode(json) {
  const scale = json.UTF8Scale ?? 1024;
  return {
    type: 'FeatureCollection',
    features: json.features.map((f) => {
      const g = f.geometry;
      const coordinates = !json.UTF8Encoding
        ? g.coordinates
        : g.type === 'Polygon'
          ? g.coordinates.map((ring, i) => decodeRing(ring, g.encodeOffsets[i], scale))
          : g.coordinates.map((polygon, i) => polygon.map((ring, j) => decodeRing(ring, g.encodeOffsets[i][j], scale)));
      const patch = PATCHES[f.id] ?? { adcode: String(f.id), name: f.properties.name };
      const cp = f.properties.cp?.map((v) => Math.round(v * 1e4) / 1e4);
      return { type: 'Feature', properties: { ...patch, ...(cp ? { cp } : {}) }, geometry: { type: g.type, coordinates } };
    }),
  };
}

const geo = decode(JSON.parse(await source(process.argv[2])));
geo.features.sort((a, b) => a.properties.adcode.localeCompare(b.properties.adcode));
if (geo.features.length !== 38) throw new Error(`expected 38 features, got ${geo.features.length}`);
writeFileSync(OUT, `${JSON.stringify(geo)}\n`);
// As the linter formats it, so that a run gives back the committed file.
execFileSync('npx', ['biome', 'format', '--write', OUT], { stdio: 'ignore' });
console.log(`${OUT}: ${geo.features.length} features`);
