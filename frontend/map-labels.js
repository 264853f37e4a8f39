// The labels of <sr-commune-map>: which communes (and units above them) are named where, so that no two labels ever
// overlap. A plain ES module beside commune-map.js, served from the jar.
import * as L from '../webjars/leaflet/dist/leaflet-src.esm.js';

export const LEVELS = ['NONE', 'NORMAL', 'WATCH', 'WARNING', 'CRITICAL'];

// Where most communes in view are smaller than this (in square pixels), the units above them are named first.
const SMALL_COMMUNE = 3000;
// A commune wide and tall enough for its reason under its name, in pixels.
const ROOMY_WIDTH = 110;
const ROOMY_HEIGHT = 60;
// A unit's label comes after the communes that need attention and before the quiet ones.
const UNIT_RANK = 1.5;

// The units just above the communes, from the features' properties: the districts where the file names them, or else
// the provinces; none where there is only one (it would be the whole map).
export function parentUnits(geojson) {
  const features = (geojson && geojson.features) || [];
  const byDistrict = features.some((f) => f.properties.district_code || f.properties.districtCode);
  const units = new Map();
  for (const feature of features) {
    const p = feature.properties;
    const code = byDistrict ? (p.district_code || p.districtCode) : (p.province_code || p.provinceCode);
    if (!code) {
      continue;
    }
    if (!units.has(code)) {
      units.set(code, { code: String(code), name: (byDistrict ? p.district : p.province) || String(code), codes: [] });
    }
    units.get(code).codes.push(String(p.code));
  }
  return units.size > 1 ? [...units.values()] : [];
}

// No two labels overlap: of the communes in view, the most severe are labelled first, then the smaller ones (which
// have fewer places to go), each only where its label covers none placed before; the others keep their names in their popups (and in the screens'
// lists). No label covers a locator (a small commune that needs attention, see commune-map.js): such a commune's name
// goes beside its locator. Label boxes are estimated from the text, then the labels placed are measured and any
// overlap hidden.
export function placeLabels(el) {
  if (!el._fitted || !el._labelLayer) {
    return;
  }
  // Leaflet fades a removed tooltip out for 200 ms: the old labels leave the page at once instead, so that nobody (and
  // no test) sees two sets of labels for a moment.
  const old = el._labelLayer.getLayers().map((tooltip) => tooltip.getElement()).filter(Boolean);
  el._labelLayer.clearLayers();
  old.forEach((element) => element.remove());
  const size = el._map.getSize();
  const fonts = labelFonts(el);
  let candidates = [];
  for (const [code, layer] of el._layers) {
    const point = el._map.latLngToContainerPoint(centroid(layer));
    if (point.x < 0 || point.y < 0 || point.x > size.x || point.y > size.y) {
      continue;
    }
    const style = el._styles[code] || { level: 'NONE', label: '', detail: '' };
    const name = layer.feature.properties.name || code;
    const attention = ['WATCH', 'WARNING', 'CRITICAL'].includes(style.level);
    // A reason is written on the commune only where it has room; on a small commune it would cover its
    // neighbours: there the name stays, and the reason is in its popup (and on the wall's strip and ticker).
    const bounds = pixelBounds(el, layer);
    const roomy = bounds.right - bounds.left >= ROOMY_WIDTH && bounds.bottom - bounds.top >= ROOMY_HEIGHT;
    const detail = el._labelDetails && attention && style.detail && roomy ? style.detail : '';
    const width = Math.max(fonts.measure(name, fonts.name), detail ? fonts.measure(detail, fonts.detail) + 16 : 0)
      + fonts.padding;
    const height = fonts.nameHeight + (detail ? fonts.detailHeight : 0) + fonts.padding;
    const locator = el._locators && el._locators.get(code);
    candidates.push({
      code, layer, name, detail, point, width, height, locator,
      rank: LEVELS.indexOf(style.level),
      area: (bounds.right - bounds.left) * (bounds.bottom - bounds.top),
      bounds,
      box: box(point, width, height),
    });
  }
  // Where the communes are too small to name many of them, the units above them are named instead of the quiet
  // communes; the communes that need attention are still named first.
  const areas = candidates.map((c) => c.area).sort((a, b) => a - b);
  if (el._units.length > 1 && areas.length > 0 && areas[Math.floor(areas.length / 2)] < SMALL_COMMUNE) {
    candidates = candidates.filter((c) => c.rank >= LEVELS.indexOf('WATCH'));
    candidates.push(...unitCandidates(el, size, fonts));
  }
  // The most severe first; among equals the smaller first: a small commune has one place for its name, a large one
  // has several to move to. Units (the names of provinces, districts) keep their own rank, the larger first.
  candidates.sort((a, b) => b.rank - a.rank || (a.unit ? b.area - a.area : a.area - b.area) || (a.code < b.code ? -1 : 1));
  const estimated = new Grid(64);
  const locators = [...(el._locators || new Map()).values()].map((l) => box(l.point, 2 * l.radius, 2 * l.radius));
  locators.forEach((locator) => estimated.add(locator));
  const placed = [];
  for (const candidate of candidates) {
    // A commune's name goes on its centre, or else just above, below or beside it while that is still inside the
    // commune: two neighbours' names then both find room before either is left out. Beside its locator, if it has one.
    const box = candidate.unit
      ? candidate.box
      : candidate.locator ? besideLocator(candidate, estimated, size) : firstFree(candidate, estimated);
    if (box && !estimated.overlaps(box)) {
      estimated.add(box);
      candidate.box = box;
      placed.push(candidate);
    }
  }
  for (const label of placed) {
    label.tooltip = L.tooltip({
      permanent: true, direction: 'center', interactive: false,
      className: label.unit ? 'sr-commune-label sr-unit-label' : 'sr-commune-label',
    })
      .setLatLng(label.unit
        ? label.unit.centre
        : el._map.containerPointToLatLng(L.point((label.box.left + label.box.right) / 2,
          (label.box.top + label.box.bottom) / 2)))
      .setContent(label.detail
        ? `${escapeHtml(label.name)}<br><span class="sr-label-detail">${escapeHtml(label.detail)}</span>`
        : escapeHtml(label.name));
    el._labelLayer.addLayer(label.tooltip);
  }
  // The estimate is close, not exact: measure what was placed (one layout) and hide the rare label that overlaps.
  const measured = new Grid(64);
  const origin = el._container.getBoundingClientRect();
  locators.forEach((l) => measured.add({
    left: l.left + origin.left, right: l.right + origin.left, top: l.top + origin.top, bottom: l.bottom + origin.top,
  }));
  for (const label of placed) {
    const element = label.tooltip.getElement();
    if (!element) {
      continue;
    }
    element.setAttribute(label.unit ? 'data-unit' : 'data-commune', label.code);
    if (label.unit) {
      // Drill down: a unit's name opens the unit, its communes filling the map.
      element.classList.add('sr-unit-link');
      L.DomEvent.on(element, 'click', (event) => {
        L.DomEvent.stop(event);
        el._map.flyToBounds(unitBounds(el, label.unit), { padding: [12, 12], duration: 0.6 });
      });
    }
    const rect = element.getBoundingClientRect();
    const box = { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
    if (measured.overlaps(box)) {
      element.classList.add('sr-label-hidden');
    } else {
      measured.add(box);
    }
  }
}

// The labels of the units above the communes (a district, or a province where there are none) whose centre is in view.
function unitCandidates(el, size, fonts) {
  const candidates = [];
  for (const unit of el._units) {
    if (!unit.centre) {
      const centroids = unit.codes.map((code) => el._layers.get(code)).filter(Boolean)
        .map(centroid);
      unit.centre = L.latLng(
        centroids.reduce((sum, c) => sum + c.lat, 0) / centroids.length,
        centroids.reduce((sum, c) => sum + c.lng, 0) / centroids.length);
    }
    const point = el._map.latLngToContainerPoint(unit.centre);
    if (point.x < 0 || point.y < 0 || point.x > size.x || point.y > size.y) {
      continue;
    }
    const width = fonts.measure(unit.name, fonts.unit) + fonts.padding;
    const height = fonts.unitHeight + fonts.padding;
    candidates.push({
      code: unit.code, unit, name: unit.name, detail: '', rank: UNIT_RANK, area: unit.codes.length,
      box: { left: point.x - width / 2, right: point.x + width / 2, top: point.y - height / 2, bottom: point.y + height / 2 },
    });
  }
  return candidates;
}

function box(point, width, height) {
  return { left: point.x - width / 2, right: point.x + width / 2, top: point.y - height / 2, bottom: point.y + height / 2 };
}

// The first place for a commune's label that overlaps none placed: its centre, then a label's height above or below,
// half a width to either side, diagonally, then two heights above or below, as long as the label's centre stays
// within the commune's bounds.
function firstFree(candidate, placed) {
  const { point, width, height, bounds } = candidate;
  const w = width / 2;
  for (const [dx, dy] of [[0, 0], [0, -height], [0, height], [-w, 0], [w, 0], [-w, -height], [w, -height],
    [-w, height], [w, height], [0, -2 * height], [0, 2 * height]]) {
    const at = { x: point.x + dx, y: point.y + dy };
    if (at.x < bounds.left || at.x > bounds.right || at.y < bounds.top || at.y > bounds.bottom) {
      continue;
    }
    const candidateBox = box(at, width, height);
    if (!placed.overlaps(candidateBox)) {
      return candidateBox;
    }
  }
  return null;
}

// The first place for the name of a commune with a locator that overlaps nothing placed and stays within the map: above
// the locator, below it, to its right or left, or diagonally.
function besideLocator(candidate, placed, size) {
  const { point, width, height } = candidate;
  const r = candidate.locator.radius + 2;
  const up = r + height / 2;
  const side = r + width / 2;
  for (const [dx, dy] of [[0, -up], [0, up], [side, 0], [-side, 0], [side, -up], [-side, -up], [side, up],
    [-side, up]]) {
    const candidateBox = box({ x: point.x + dx, y: point.y + dy }, width, height);
    const inside = candidateBox.left >= 0 && candidateBox.top >= 0 && candidateBox.right <= size.x
      && candidateBox.bottom <= size.y;
    if (inside && !placed.overlaps(candidateBox)) {
      return candidateBox;
    }
  }
  return null;
}

// A commune's centre (its polygon's centroid), computed once: where its label, its locator and its markers go.
export function centroid(layer) {
  return (layer._srCentroid ||= layer.getCenter());
}

// A commune's bounds in pixels of the map's container.
export function pixelBounds(el, layer) {
  const bounds = layer.getBounds();
  const topLeft = el._map.latLngToContainerPoint(bounds.getNorthWest());
  const bottomRight = el._map.latLngToContainerPoint(bounds.getSouthEast());
  return { left: topLeft.x, top: topLeft.y, right: bottomRight.x, bottom: bottomRight.y };
}

// The bounds of a unit's communes.
function unitBounds(el, unit) {
  if (!unit.bounds) {
    unit.bounds = L.latLngBounds([]);
    for (const code of unit.codes) {
      const layer = el._layers.get(code);
      if (layer) {
        unit.bounds.extend(layer.getBounds());
      }
    }
  }
  return unit.bounds;
}

// The fonts of a label's name and reason as this page styles them, and a way to measure a text in them.
function labelFonts(el) {
  const probe = L.DomUtil.create('div', 'leaflet-tooltip sr-commune-label', el._container);
  probe.style.visibility = 'hidden';
  probe.innerHTML = 'Ag<br><span class="sr-label-detail">Ag</span>';
  const nameStyle = getComputedStyle(probe);
  const detail = probe.querySelector('.sr-label-detail');
  const detailStyle = getComputedStyle(detail);
  const fonts = {
    name: `${nameStyle.fontWeight} ${nameStyle.fontSize} ${nameStyle.fontFamily}`,
    detail: `${detailStyle.fontWeight} ${detailStyle.fontSize} ${detailStyle.fontFamily}`,
    nameHeight: parseFloat(nameStyle.lineHeight) || parseFloat(nameStyle.fontSize) * 1.4,
    detailHeight: detail.getBoundingClientRect().height + 2,
    padding: 14,
  };
  probe.remove();
  const unitProbe = L.DomUtil.create('div', 'leaflet-tooltip sr-commune-label sr-unit-label', el._container);
  unitProbe.style.visibility = 'hidden';
  unitProbe.textContent = 'Ag';
  const unitStyle = getComputedStyle(unitProbe);
  fonts.unit = `${unitStyle.fontWeight} ${unitStyle.fontSize} ${unitStyle.fontFamily}`;
  fonts.unitHeight = parseFloat(unitStyle.lineHeight) || parseFloat(unitStyle.fontSize) * 1.4;
  unitProbe.remove();
  const context = (el._measure ||= document.createElement('canvas').getContext('2d'));
  fonts.measure = (text, font) => {
    context.font = font;
    return context.measureText(text).width;
  };
  return fonts;
}

// Boxes in a grid of square cells, for asking quickly whether a new box overlaps one already placed.
class Grid {
  constructor(cell) {
    this._cell = cell;
    this._cells = new Map();
  }

  _keys(box) {
    const keys = [];
    for (let x = Math.floor(box.left / this._cell); x <= Math.floor(box.right / this._cell); x++) {
      for (let y = Math.floor(box.top / this._cell); y <= Math.floor(box.bottom / this._cell); y++) {
        keys.push(`${x},${y}`);
      }
    }
    return keys;
  }

  overlaps(box) {
    return this._keys(box).some((key) => (this._cells.get(key) || []).some((other) => box.left < other.right
      && other.left < box.right && box.top < other.bottom && other.top < box.bottom));
  }

  add(box) {
    for (const key of this._keys(box)) {
      if (!this._cells.has(key)) {
        this._cells.set(key, []);
      }
      this._cells.get(key).push(box);
    }
  }
}

export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  })[c]);
}
