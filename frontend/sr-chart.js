// <sr-chart>: an Apache ECharts chart whose whole option the server sets as JSON (property "option").
// A plain ES module (no bundler): ECharts comes from its WebJar, served by the app under /webjars/.
import * as echarts from '../webjars/echarts/dist/echarts.esm.min.js';

class Chart extends HTMLElement {
  constructor() {
    super();
    this._option = null;
  }

  set option(value) {
    this._option = typeof value === 'string' && value ? JSON.parse(value) : value || null;
    this._render();
  }

  get option() {
    return this._option;
  }

  connectedCallback() {
    // A property the server set before this module loaded sits on the instance and hides the setter: re-apply it.
    if (Object.prototype.hasOwnProperty.call(this, 'option')) {
      const value = this.option;
      delete this.option;
      this.option = value;
    }
    if (!this._chart) {
      this._chart = echarts.init(this, null, { renderer: 'svg' });
      this._resizeObserver = new ResizeObserver(() => this._chart.resize());
      this._resizeObserver.observe(this);
      this._chart.on('click', (params) => {
        this.dispatchEvent(new CustomEvent('sr-chart-click', {
          detail: { name: String(params.name ?? ''), series: String(params.seriesName ?? '') },
        }));
      });
      this._render();
    }
  }

  disconnectedCallback() {
    // ECharts keeps every chart in a registry of its own: free this one; it is made again if the element comes back.
    if (this._chart) {
      this._resizeObserver.disconnect();
      this._chart.dispose();
      this._chart = null;
    }
  }

  _render() {
    if (!this._chart || !this._option) {
      return;
    }
    this._chart.setOption(this._option, true);
    // The series' names and point counts are on the element, for assistive technology and for tests.
    const series = (this._option.series || []).map((s) => `${s.name}:${(s.data || []).length}`);
    this.setAttribute('data-series', series.join('|'));
  }
}

if (!customElements.get('sr-chart')) {
  customElements.define('sr-chart', Chart);
}
