package vn.situationroom.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import vn.situationroom.platform.BrokerStatus;

/**
 * Across the top of every screen while no Kafka broker answers: the figures on screen stop at that moment, and
 * intake refuses events until the cluster is back. Shown and hidden live, on the screen's own UI thread.
 */
public class BrokerDownBanner extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final BrokerStatus broker;
    private final ZoneId zone;
    private Runnable unsubscribe;

    public BrokerDownBanner(BrokerStatus broker, ZoneId zone) {
        this.broker = broker;
        this.zone = zone;
        addClassName("broker-down");
        getElement().setAttribute("role", "alert");
        show(broker.unreachableSince());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        unsubscribe = broker.onChange(since -> ui.access(() -> show(since)));
        show(broker.unreachableSince());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        super.onDetach(event);
    }

    private void show(Optional<Instant> since) {
        setVisible(since.isPresent());
        since.ifPresent(at -> setText(getTranslation("broker.down", TIME.format(at.atZone(zone)))));
        getElement().setAttribute("data-down", String.valueOf(since.isPresent()));
    }
}
