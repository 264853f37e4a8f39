package vn.situationroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import tools.jackson.databind.JsonNode;

/**
 * An Apache ECharts chart; the server gives its whole option (see echarts.apache.org/en/option.html) as JSON. The
 * browser side is the plain ES module {@code frontend/sr-chart.js} on ECharts from its WebJar.
 */
@Tag("sr-chart")
@JsModule("context://sr/sr-chart.js")
public class Chart extends Component implements HasSize {

    /** Replaces the chart's option (not merged with the one before). */
    public void setOption(JsonNode option) {
        getElement().setProperty("option", option.toString());
    }
}
