// Generates a synthetic country for scale tests and demonstrations: 3,321 communes in 34 provinces, Voronoi cells
// inside Vietnam's outline from Natural Earth (the world-atlas package, 1:50m). Codes and names are made up and say so;
// the shapes are no real boundaries. The same seed gives the same file, byte for byte.
//
// Usage: node generate.mjs [output.geojson]   (npm ci first; README's "The region and its units" says more)
import { readFileSync, writeFileSync } from 'node:fs';
import { Delaunay } from 'd3-delaunay';
import { geoContains } from 'd3-geo';
import polygonClipping from 'polygon-clipping';
import { feature } from 'topojson-client';

const PROVINCES = 34;
const COMMUNES = 3321;
const SEED = 20250701; // the day the two-tier local government began
const SAMPLES = 80000; // points inside the country that stand for its area in the relaxation
const RELAXATIONS = 6;
const DECIMALS = 4; // about 11 m: enough for a map of a country, and a small file

const output = process.argv[2] || '../../src/main/resources/region/vietnam-synthetic-communes.geojson';

// A small seeded generator (mulberry32): the file must not change from one run to the next.
let state = SEED;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const atlas = JSON.parse(readFileSync(new URL('./node_modules/world-atlas/countries-50m.json', import.meta.url)));
const vietnam = feature(atlas, atlas.objects.countries).features.find((f) => f.id === '704');
if (!vietnam) {
  throw new Error('Vietnam (704) is not in world-atlas countries-50m.json');
}
const outline = vietnam.geometry.type === 'Polygon' ? [vietnam.geometry.coordinates] : vietnam.geometry.coordinates;
let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
for (const polygon of outline) {
  for (const [x, y] of polygon[0]) {
    west = Math.min(west, x);
    east = Math.max(east, x);
    south = Math.min(south, y);
    north = Math.max(north, y);
  }
}

function inside(point) {
  return geoContains(vietnam, point);
}

function pointsInside(count) {
  const points = [];
  while (points.length < count) {
    const point = [west + random() * (east - west), south + random() * (north - south)];
    if (inside(point)) {
      points.push(point);
    }
  }
  return points;
}

// Lloyd's relaxation over a sample of the country's area: each seed moves to the mean of the sample points nearest to
// it, so that cells come out of similar size and regular shape.
function relax(seeds, samples) {
  for (let round = 0; round < RELAXATIONS; round++) {
    const delaunay = Delaunay.from(seeds);
    const sums = seeds.map(() => [0, 0, 0]);
    let nearest = 0;
    for (const [x, y] of samples) {
      nearest = delaunay.find(x, y, nearest);
      sums[nearest][0] += x;
      sums[nearest][1] += y;
      sums[nearest][2] += 1;
    }
    seeds = seeds.map((seed, i) => (sums[i][2] > 0 ? [sums[i][0] / sums[i][2], sums[i][1] / sums[i][2]] : seed));
  }
  return seeds;
}

const samples = pointsInside(SAMPLES);
const provinceSeeds = relax(pointsInside(PROVINCES), samples).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
const communeSeeds = relax(pointsInside(COMMUNES), samples);

const provinces = Delaunay.from(provinceSeeds);
const voronoi = Delaunay.from(communeSeeds).voronoi([west - 0.5, south - 0.5, east + 0.5, north + 0.5]);

function round(value) {
  const factor = 10 ** DECIMALS;
  return Math.round(value * factor) / factor;
}

// A ring rounded, without repeated points, closed; null when too little is left of it.
function roundRing(ring) {
  const rounded = [];
  for (const [x, y] of ring) {
    const point = [round(x), round(y)];
    const last = rounded[rounded.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) {
      rounded.push(point);
    }
  }
  const first = rounded[0];
  const last = rounded[rounded.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    rounded.push([first[0], first[1]]);
  }
  return rounded.length >= 4 ? rounded : null;
}

function roundPolygons(polygons) {
  return polygons
    .map((polygon) => polygon.map(roundRing).filter((ring) => ring !== null))
    .filter((polygon) => polygon.length > 0);
}

const communes = [];
for (let i = 0; i < communeSeeds.length; i++) {
  const cell = voronoi.cellPolygon(i);
  // A cell wholly inside keeps its few corners; one on the coast or the border is cut to the country's outline.
  const polygons = cell.every(inside) ? [[cell]] : polygonClipping.intersection([cell], outline);
  const shape = roundPolygons(polygons);
  if (shape.length === 0) {
    throw new Error(`commune seed ${i} has no land left after clipping`);
  }
  const [x, y] = communeSeeds[i];
  communes.push({ province: provinces.find(x, y), seed: communeSeeds[i], shape });
}
communes.sort((a, b) => a.province - b.province || b.seed[1] - a.seed[1] || a.seed[0] - b.seed[0]);

const features = [];
const counts = new Array(PROVINCES).fill(0);
for (const commune of communes) {
  const p = String(commune.province + 1).padStart(2, '0');
  const n = String(++counts[commune.province]).padStart(3, '0');
  features.push({
    type: 'Feature',
    properties: {
      code: `S${p}${n}`,
      name: `${p}-${n}`,
      full_name: `Xã ${p}-${n}`,
      province_code: `S${p}`,
      province: `Tỉnh mẫu ${p}`,
      synthetic: true,
    },
    geometry: commune.shape.length === 1
      ? { type: 'Polygon', coordinates: commune.shape[0] }
      : { type: 'MultiPolygon', coordinates: commune.shape },
  });
}
if (counts.some((count) => count === 0)) {
  throw new Error(`a province has no commune: ${counts}`);
}

const collection = {
  type: 'FeatureCollection',
  name: 'vietnam-synthetic-communes',
  metadata: {
    region_name: 'Việt Nam (dữ liệu mẫu)',
    synthetic: true,
    description: `SYNTHETIC: ${COMMUNES} made-up communes in ${PROVINCES} made-up provinces, Voronoi cells inside `
      + "Vietnam's outline. No boundary, code or name here is real; for scale tests and demonstrations only.",
    outline_source: 'Natural Earth 1:50m admin 0 countries (public domain), via the world-atlas npm package 2.0.2',
    generator: 'tools/synthetic-country/generate.mjs',
    seed: SEED,
  },
  features,
};
writeFileSync(output, JSON.stringify(collection) + '\n');
console.log(`${features.length} communes in ${PROVINCES} provinces (${Math.min(...counts)} to ${Math.max(...counts)} `
  + `each) written to ${output}`);
