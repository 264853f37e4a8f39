// <sr-commune-map>: the region's communes drawn from GeoJSON with Leaflet, each filled by its hotspot level.
// A plain ES module (no bundler): Leaflet comes from its WebJar, served by the app under /webjars/.
import * as L from '../webjars/leaflet/dist/leaflet-src.esm.js';
import { LEVELS, centroid, escapeHtml, parentUnits, pixelBounds, placeLabels } from './map-labels.js';

// The fill of each level: the custom properties --sr-level-<LEVEL> the app shell sets from the one palette
// (HotspotLevel), read once per drawing.
function palette(element) {
  const style = getComputedStyle(element);
  return Object.fromEntries(LEVELS.map((level) => [level, style.getPropertyValue(`--sr-level-${level}`).trim()]));
}

// A commune that needs attention but is smaller than this on screen (its width and height, in pixels) is drawn with a
// locator too: a disc of its level's colour at its centre, which no label covers, so that a hot commune among
// thousands is seen from across the room.
const LOCATOR_BELOW = 24;
// The locator's radius for each level that needs attention, in pixels.
const LOCATOR_RADIUS = { WATCH: 7, WARNING: 9, CRITICAL: 11 };

// The kinds of marker: their colour, and the side of the commune's centre they are drawn on.
const MARKER = {
  CROWD: { color: '#6a1b9a', angle: Math.PI },
  INCIDENT: { color: '#b71c1c', angle: 0 },
  ESCALATION: { color: '#0d47a1', angle: Math.PI / 2 },
};

class CommuneMap extends HTMLElement {
  // How many Leaflet maps the page holds now: one per map element on screen, none left behind by a screen left.
  static liveMaps = 0;

  constructor() {
    super();
    this._geojson = null;
    this._styles = {};
    this._tileUrl = '';
    this._labelDetails = false;
    this._layers = new Map();
    this._units = [];
    this._fitted = false;
    this._markers = [];
    this._markerNames = null;
    this._markerGroups = null;
    this._outlines = [];
    this._outlineLayer = null;
    // The locators drawn now: commune code -> { point (in the container's pixels), radius }.
    this._locators = new Map();
    this._locatorLayer = null;
  }

  // Shapes drawn over the communes as one outline each (a cluster of communes): [{id, label, geometry}].
  set outlines(value) {
    this._outlines = typeof value === 'string' && value ? JSON.parse(value) : value || [];
    this._drawOutlines();
  }

  get outlines() {
    return this._outlines;
  }

  // Things that happened, drawn over the communes: [{commune, kind: CROWD|INCIDENT|ESCALATION, headcount, label}].
  set markers(value) {
    this._markers = typeof value === 'string' && value ? JSON.parse(value) : value || [];
    this._drawMarkers();
  }

  get markers() {
    return this._markers;
  }

  // The translated name of each kind of marker; once set, the map has a control to show or hide each layer.
  set markerNames(value) {
    this._markerNames = typeof value === 'string' && value ? JSON.parse(value) : value || null;
    this._drawMarkers();
  }

  get markerNames() {
    return this._markerNames;
  }

  // The level each commune is drawn with now (code -> NONE, NORMAL, WATCH, WARNING or CRITICAL): what the screen shows.
  get levels() {
    const levels = {};
    for (const code of this._layers.keys()) {
      levels[code] = (this._styles[code] && this._styles[code].level) || 'NONE';
    }
    return levels;
  }

  set geojson(value) {
    this._geojson = typeof value === 'string' && value ? JSON.parse(value) : value || null;
    this._draw();
  }

  get geojson() {
    return this._geojson;
  }

  // Where to fetch the shapes from (the server's region-shapes, for the region or one unit): the shapes then travel
  // once per browser (cached, revalidated by their ETag) instead of in each screen's first answer. The latest address
  // wins: shapes that arrive for an address no longer asked for are dropped.
  set geojsonUrl(value) {
    this._geojsonUrl = value || '';
    if (!this._geojsonUrl) {
      return;
    }
    const asked = this._geojsonUrl;
    fetch(asked, { credentials: 'same-origin', cache: 'no-cache' })
      .then((response) => {
        if (!response.ok) {
          throw new Error(`${asked}: ${response.status}`);
        }
        return response.json();
      })
      .then((shapes) => {
        if (asked === this._geojsonUrl) {
          this.geojson = shapes;
        }
      })
      .catch((error) => console.error('sr-commune-map: the shapes could not be fetched', error));
  }

  get geojsonUrl() {
    return this._geojsonUrl;
  }

  set styles(value) {
    this._styles = typeof value === 'string' && value ? JSON.parse(value) : value || {};
    this._restyle();
  }

  get styles() {
    return this._styles;
  }

  // Changes to the styles, as the server sends them after the first: a style for each commune that changed, null for
  // one that has none any more. Only those communes are drawn again.
  mergeStyles(changes) {
    const parsed = typeof changes === 'string' ? JSON.parse(changes) : changes || {};
    this._styles = { ...this._styles };
    for (const [code, style] of Object.entries(parsed)) {
      if (style) {
        this._styles[code] = style;
      } else {
        delete this._styles[code];
      }
    }
    this._restyle();
  }

  set tileUrl(value) {
    this._tileUrl = value || '';
    this._draw();
  }

  get tileUrl() {
    return this._tileUrl;
  }

  set labelDetails(value) {
    this._labelDetails = Boolean(value);
    this._restyle();
  }

  get labelDetails() {
    return this._labelDetails;
  }

  connectedCallback() {
    // Properties the server set before this module loaded sit on the instance and hide the setters: re-apply them.
    for (const name of ['geojson', 'geojsonUrl', 'styles', 'tileUrl', 'labelDetails', 'markers', 'markerNames',
      'outlines']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    clearTimeout(this._teardown);
    if (!this._map) {
      this._container = document.createElement('div');
      this._container.className = 'sr-commune-map-canvas';
      this.appendChild(this._container);
      this._map = L.map(this._container, { attributionControl: false, zoomSnap: 0.25 });
      CommuneMap.liveMaps += 1;
      // Leaflet can only fit the region once the element has a size; it may get one after it is attached.
      this._resizeObserver = new ResizeObserver(() => this._fit());
      this._resizeObserver.observe(this);
      this._labelLayer = L.layerGroup().addTo(this._map);
      // The locators above the communes and their outlines; the markers above the locators; the labels above all.
      this._map.createPane('srLocators').style.zIndex = 450;
      this._locatorRenderer = L.svg({ pane: 'srLocators' });
      this._map.createPane('srMarkers').style.zIndex = 460;
      this._markerRenderer = L.svg({ pane: 'srMarkers' });
      // After every zoom and pan: the locators and labels for what is in view now, and the markers around their
      // communes.
      this._map.on('moveend', () => {
        this._drawLocators();
        this._placeLabels();
        this._drawMarkers();
        // The zoom the labels were last laid out for, for anyone waiting for a zoom to settle.
        this.setAttribute('data-zoom', String(this._map.getZoom()));
      });
      this._draw();
    }
  }

  disconnectedCallback() {
    // Vaadin may move the element (detached, then attached again at once): remove the map only if it stays away, so
    // that a screen left behind leaves no Leaflet map, observer or layer alive in the page.
    clearTimeout(this._teardown);
    this._teardown = setTimeout(() => {
      if (!this.isConnected) {
        this._remove();
      }
    }, 0);
  }

  // Removes the Leaflet map and everything drawn on it; the data stays, and a later attach draws it again.
  _remove() {
    if (this._resizeObserver) {
      this._resizeObserver.disconnect();
      this._resizeObserver = null;
    }
    if (this._map) {
      this._map.remove();
      this._map = null;
      CommuneMap.liveMaps -= 1;
    }
    if (this._container) {
      this._container.remove();
      this._container = null;
    }
    this._layers.clear();
    this._regionLayer = null;
    this._labelLayer = null;
    this._tileLayer = null;
    this._markerGroups = null;
    this._outlineLayer = null;
    this._locatorLayer = null;
    this._locatorRenderer = null;
    this._markerRenderer = null;
    this._locators.clear();
    this._fitted = false;
  }

  _fit() {
    if (!this._map || !this._regionLayer || this.clientWidth === 0 || this.clientHeight === 0) {
      return;
    }
    this._map.invalidateSize();
    if (!this._fitted) {
      this._map.fitBounds(this._regionLayer.getBounds(), { padding: [12, 12] });
      this._fitted = true;
      this._restyle();
      this._drawMarkers();
      if (this._pendingFocus) {
        this.flyTo(this._pendingFocus);
      }
    }
  }

  _draw() {
    if (!this._map || !this._geojson) {
      return;
    }
    if (this._tileLayer) {
      this._tileLayer.remove();
      this._tileLayer = null;
    }
    if (this._tileUrl) {
      this._tileLayer = L.tileLayer(this._tileUrl, { maxZoom: 18 }).addTo(this._map);
    }
    if (this._regionLayer) {
      this._regionLayer.remove();
    }
    // The locators of the shapes drawn before: new ones come with the next fitted view.
    if (this._locatorLayer) {
      this._locatorLayer.clearLayers();
    }
    this._locators.clear();
    this._layers.clear();
    const none = palette(this).NONE;
    this._regionLayer = L.geoJSON(this._geojson, {
      style: () => ({ color: '#37474f', weight: 1.2, fillOpacity: 0.75, fillColor: none }),
      onEachFeature: (feature, layer) => {
        const code = String(feature.properties.code);
        this._layers.set(code, layer);
        // The popup is written when it opens: thousands of communes need no thousands of popups in advance.
        layer.bindPopup(() => this._popup(code, layer));
        layer.on('add', () => this._mark(code, layer));
      },
    }).addTo(this._map);
    this._units = parentUnits(this._geojson);
    this._fitted = false;
    this._fit();
    this._restyle();
    this._drawMarkers();
    this._drawOutlines();
  }

  // Each outline as a thick dashed line around its communes, above them, with its label as the tooltip.
  _drawOutlines() {
    if (!this._map || !this._regionLayer) {
      return;
    }
    if (this._outlineLayer) {
      this._outlineLayer.remove();
    }
    this._outlineLayer = L.layerGroup().addTo(this._map);
    for (const outline of this._outlines) {
      const shape = L.geoJSON(outline.geometry, {
        interactive: true,
        style: () => ({ color: '#6a1b9a', weight: 4, dashArray: '10 6', fill: false, opacity: 0.95 }),
      });
      shape.bindTooltip(escapeHtml(outline.label || ''), { sticky: true });
      shape.eachLayer((layer) => layer.on('add', () => {
        const element = layer.getElement();
        if (element) {
          element.setAttribute('data-outline', outline.id);
          element.classList.add('sr-outline');
        }
      }));
      shape.addTo(this._outlineLayer);
    }
  }

  _drawMarkers() {
    // Markers are placed in pixels around each commune's centre: only once the map has a view.
    if (!this._map || !this._markerNames || this._layers.size === 0 || !this._fitted) {
      return;
    }
    if (!this._markerGroups) {
      this._markerGroups = {};
      const overlays = {};
      for (const kind of Object.keys(MARKER)) {
        this._markerGroups[kind] = L.layerGroup().addTo(this._map);
        overlays[`<span class="sr-marker-key sr-marker-${kind}"></span>${escapeHtml(this._markerNames[kind] || kind)}`] =
          this._markerGroups[kind];
      }
      L.control.layers(null, overlays, { collapsed: false, position: 'topright' }).addTo(this._map);
    }
    for (const group of Object.values(this._markerGroups)) {
      group.clearLayers();
    }
    // Several markers of one commune are spread around its centre, each kind on its own side.
    const placed = new Map();
    for (const marker of this._markers) {
      const layer = this._layers.get(String(marker.commune));
      const style = MARKER[marker.kind];
      if (!layer || !style) {
        continue;
      }
      const key = `${marker.commune}|${marker.kind}`;
      const index = placed.get(key) || 0;
      placed.set(key, index + 1);
      const point = this._map.latLngToLayerPoint(centroid(layer));
      const angle = style.angle + index * 0.9;
      const radius = Math.min(26, 5 + 2.2 * Math.sqrt(Math.max(1, marker.headcount || 1)));
      // Around the commune's locator, if it has one, instead of over it.
      const locator = this._locators.get(String(marker.commune));
      const distance = (locator ? locator.radius + radius + 2 : 14) + index * 6;
      const at = this._map.layerPointToLatLng(L.point(point.x + Math.cos(angle) * distance,
        point.y + Math.sin(angle) * distance));
      const circle = L.circleMarker(at, {
        renderer: this._markerRenderer, pane: 'srMarkers',
        radius,
        color: '#ffffff', weight: 1.5, fillColor: style.color, fillOpacity: 0.9,
      });
      circle.bindTooltip(escapeHtml(marker.label || ''));
      circle.on('add', () => {
        const element = circle.getElement();
        if (element) {
          element.setAttribute('data-marker', marker.kind);
          element.setAttribute('data-commune', String(marker.commune));
        }
      });
      circle.addTo(this._markerGroups[marker.kind]);
    }
  }

  _restyle() {
    const fills = palette(this);
    for (const [code, layer] of this._layers) {
      const level = (this._styles[code] && this._styles[code].level) || 'NONE';
      // Only what changed is drawn again: a level change is one commune, not the whole region.
      if (layer._srLevel !== level || layer._srFill !== fills[level]) {
        layer._srLevel = level;
        layer._srFill = fills[level] || fills.NONE;
        layer.setStyle({ fillColor: layer._srFill });
        this._mark(code, layer);
      }
    }
    // The markers go around the locators: when a commune gains or loses one, they move.
    const before = [...this._locators.keys()].join();
    this._drawLocators();
    if ([...this._locators.keys()].join() !== before) {
      this._drawMarkers();
    }
    this._placeLabels();
  }

  // A locator on each commune that needs attention and is too small to be seen at this zoom; the labels keep clear
  // of them (map-labels.js). A click on one opens its commune's details.
  _drawLocators() {
    if (!this._map || !this._fitted) {
      return;
    }
    if (!this._locatorLayer) {
      this._locatorLayer = L.layerGroup().addTo(this._map);
    }
    this._locatorLayer.clearLayers();
    this._locators.clear();
    const fills = palette(this);
    const size = this._map.getSize();
    for (const [code, style] of Object.entries(this._styles)) {
      const radius = style && LOCATOR_RADIUS[style.level];
      const layer = radius && this._layers.get(code);
      if (!layer) {
        continue;
      }
      const bounds = pixelBounds(this, layer);
      if (bounds.right - bounds.left >= LOCATOR_BELOW || bounds.bottom - bounds.top >= LOCATOR_BELOW) {
        continue;
      }
      const centre = centroid(layer);
      const point = this._map.latLngToContainerPoint(centre);
      if (point.x < -radius || point.y < -radius || point.x > size.x + radius || point.y > size.y + radius) {
        continue;
      }
      const locator = L.circleMarker(centre, {
        renderer: this._locatorRenderer, pane: 'srLocators', radius,
        color: '#ffffff', weight: 2.5, fillColor: fills[style.level], fillOpacity: 1,
      });
      locator.on('click', () => layer.openPopup(centre));
      locator.on('add', () => {
        const element = locator.getElement();
        if (element) {
          element.classList.add('sr-locator');
          element.setAttribute('data-locator', code);
          element.setAttribute('data-level', style.level);
        }
      });
      locator.addTo(this._locatorLayer);
      this._locators.set(code, { point, radius: radius + 2.5 });
    }
  }

  _popup(code, layer) {
    const style = this._styles[code] || { level: 'NONE', label: '', detail: '' };
    const name = layer.feature.properties.full_name || layer.feature.properties.name || code;
    return `<strong>${escapeHtml(name)}</strong><br>${escapeHtml(style.label)}<br>${escapeHtml(style.detail)}`;
  }

  _placeLabels() {
    placeLabels(this);
  }

  // Flies the map to a commune and opens its details; the server calls it when an alert is picked.
  flyTo(code) {
    const layer = this._layers.get(String(code));
    if (!this._map || !layer || !this._fitted) {
      // Asked before the shapes are drawn and fitted (a link that opens the map on an alert): once they are.
      this._pendingFocus = code;
      return;
    }
    this._pendingFocus = null;
    this._map.flyToBounds(layer.getBounds(), { maxZoom: 13, duration: 0.8 });
    layer.openPopup();
    this.setAttribute('data-focused', String(code));
  }

  _mark(code, layer) {
    // The level is also on the shape itself, for assistive technology and for tests.
    const path = layer.getElement && layer.getElement();
    if (path) {
      const style = this._styles[code];
      path.setAttribute('data-commune', code);
      path.setAttribute('data-level', style ? style.level : 'NONE');
    }
  }
}


if (!customElements.get('sr-commune-map')) {
  customElements.define('sr-commune-map', CommuneMap);
}
