package vn.situationroom.history;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code history} health: which store the history runs on, each sink's lag and latest write. DOWN while a sink
 * cannot write (the database is unreachable: it keeps retrying and loses nothing); a sink that is merely behind is UP
 * with its lag, flagged {@code behind} past the lag-warning setting.
 */
@Component("history")
class HistoryHealth implements HealthIndicator {

    private final HistoryStore store;
    private final SinkProgress progress;
    private final SinkLag lag;
    private final HistoryProperties properties;

    HistoryHealth(HistoryStore store, SinkProgress progress, SinkLag lag, HistoryProperties properties) {
        this.store = store;
        this.progress = progress;
        this.lag = lag;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Map<String, Long> lags = lag.lag();
        Map<String, SinkProgress.State> states = progress.states();
        boolean failing = false;
        Map<String, Object> sinks = new LinkedHashMap<>();
        for (String group : SinkLag.TOPIC_OF_GROUP.keySet().stream().sorted().toList()) {
            Map<String, Object> sink = new LinkedHashMap<>();
            sink.put("topic", SinkLag.TOPIC_OF_GROUP.get(group));
            Long behind = lags.get(group);
            sink.put("lag", behind == null ? "unknown" : behind);
            sink.put("behind", behind != null && behind > properties.lagWarning());
            SinkProgress.State state = states.get(group);
            if (state != null) {
                sink.put("stored", state.stored());
                if (state.lastStored() != null) {
                    sink.put("lastStored", state.lastStored().toString());
                }
                if (state.failingSince() != null) {
                    failing = true;
                    sink.put("failingSince", state.failingSince().toString());
                    sink.put("failure", state.failure());
                }
            }
            sinks.put(group, sink);
        }
        return (failing ? Health.down() : Health.up())
                .withDetail("store", store.description())
                .withDetail("sinks", sinks)
                .build();
    }
}
