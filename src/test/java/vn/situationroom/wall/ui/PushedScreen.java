package vn.situationroom.wall.ui;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One wall screen as the server sees it, without a browser: a kiosk session that opens the wall through Vaadin's own
 * client protocol (the init request, the navigation event, then the push WebSocket) and notes when a text first
 * reaches it. A browser would draw what arrives; the server's work per screen is the same. For measuring how many
 * open walls one instance serves (WallScreensBenchmark).
 */
final class PushedScreen implements WebSocket.Listener, AutoCloseable {

    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PUSH_ID = Pattern.compile("\"Vaadin-Push-ID\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");

    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, Boolean> watched = new ConcurrentHashMap<>();
    /** The parts of a message not yet whole; a new one per message (a kept builder would keep its largest size). */
    private StringBuilder partial = new StringBuilder();

    private volatile long messages;
    private WebSocket socket;

    private PushedScreen() {}

    /**
     * Signs in with a kiosk address, opens {@code /wall?<query>} and connects its push channel.
     *
     * @return the screen, once the wall's first state has arrived and its push channel is open
     */
    static PushedScreen open(HttpClient http, URI base, String kioskSecret, String query)
            throws IOException, InterruptedException {
        PushedScreen screen = new PushedScreen();
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> kiosk =
                http.send(get(base.resolve("kiosk/" + kioskSecret), cookies), HttpResponse.BodyHandlers.ofString());
        keepCookies(kiosk, cookies);
        if (kiosk.statusCode() != 302) {
            throw new IOException("the kiosk address answered " + kiosk.statusCode());
        }
        HttpResponse<String> init = http.send(
                get(
                        base.resolve(
                                "?v-r=init&location=wall&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)),
                        cookies),
                HttpResponse.BodyHandlers.ofString());
        keepCookies(init, cookies);
        String key = find(SECURITY_KEY, init.body());
        String pushId = find(PUSH_ID, init.body());
        String uiId = find(UI_ID, init.body());
        String navigate = """
                {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"wall",\
                "query":"%s","appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":0,"clientId":0}""".formatted(key, query);
        HttpResponse<String> wall = http.send(
                HttpRequest.newBuilder(base.resolve("?v-r=uidl&v-uiId=" + uiId))
                        .header("Cookie", cookieHeader(cookies))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(navigate))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (wall.statusCode() != 200 || !wall.body().contains("sr-commune-map")) {
            throw new IOException("the wall did not open: " + wall.statusCode() + " "
                    + wall.body().substring(0, Math.min(300, wall.body().length())));
        }
        String push = "VAADIN/push?v-r=push&v-uiId=" + uiId + "&v-pushId=" + pushId
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=3.1.5-javascript"
                + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                + "&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true";
        URI ws = URI.create(base.resolve(push).toString().replaceFirst("^http", "ws"));
        screen.socket = http.newWebSocketBuilder()
                .header("Cookie", cookieHeader(cookies))
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(ws, screen)
                .join();
        return screen;
    }

    /** From now on, notes the moment a text (such as a commune's code) first arrives on this screen. */
    void watch(String text) {
        watched.put(text, Boolean.TRUE);
    }

    /** When the text first arrived (System.currentTimeMillis), or null if it has not. */
    Long seen(String text) {
        return firstSeen.get(text);
    }

    long messages() {
        return messages;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.currentTimeMillis();
        synchronized (this) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial = new StringBuilder();
                messages++;
                for (String text : watched.keySet()) {
                    if (message.contains(text)) {
                        firstSeen.putIfAbsent(text, now);
                        watched.remove(text);
                    }
                }
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
    }

    private static HttpRequest get(URI uri, Map<String, String> cookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader(cookies));
        }
        return request.build();
    }

    private static void keepCookies(HttpResponse<?> response, Map<String, String> cookies) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(
                    pair.substring(0, equals).strip(),
                    pair.substring(equals + 1).strip());
        }
    }

    private static String cookieHeader(Map<String, String> cookies) {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ")
                .append(name)
                .append('=')
                .append(value));
        return header.toString();
    }

    private static String find(Pattern pattern, String body) throws IOException {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IOException("the wall's init answer has no " + pattern + ": "
                    + body.substring(0, Math.min(300, body.length())));
        }
        return matcher.group(1);
    }
}
