package vn.situationroom;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import vn.situationroom.platform.Json;

/**
 * A plain HTTP client of the app under test, as any REST client would be: by default a machine client with the
 * suite's API token (every scope; {@code application-it.properties} makes the app store it), or anonymous, or with
 * another token, or with a signed-in officer's session cookie.
 */
public final class TestHttp {

    /** The suite's API token, with every scope. */
    public static final String TOKEN = "sra_integration-suite-token-not-for-production-0001";

    private final int port;
    private final String authorization;
    private final String cookie;
    private final HttpClient http = HttpClient.newHttpClient();

    public TestHttp(int port) {
        this(port, "Bearer " + TOKEN, null);
    }

    private TestHttp(int port, String authorization, String cookie) {
        this.port = port;
        this.authorization = authorization;
        this.cookie = cookie;
    }

    /** A client without credentials. */
    public static TestHttp anonymous(int port) {
        return new TestHttp(port, null, null);
    }

    /** A client with another API token. */
    public static TestHttp bearer(int port, String token) {
        return new TestHttp(port, "Bearer " + token, null);
    }

    /** A client that sends a session cookie, such as a signed-in officer's browser would. */
    public static TestHttp session(int port, String cookie) {
        return new TestHttp(port, null, cookie);
    }

    /**
     * Signs an officer in through the login form, as a browser would, and returns the session cookie; null when the
     * login was refused.
     */
    public static String signIn(int port, String username, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("/login")) {
            return null;
        }
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
    }

    /** Posts a body with a content type (UTF-8). */
    public HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(
                request(path)
                        .header("Content-Type", contentType + "; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts JSON. */
    public HttpResponse<String> postJson(String path, String json) throws Exception {
        return post(path, "application/json", json);
    }

    /** Gets a response as it is. */
    public HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Gets a response as it is, sending these headers too (name, value, name, value…). */
    public HttpResponse<String> get(String path, String... headers) throws Exception {
        return http.send(request(path).headers(headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Gets a file (a report, an export) as bytes, after checking that it came as {@code 200}. */
    public byte[] getBytes(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Gets JSON. */
    public JsonNode getJson(String path) throws Exception {
        return Json.MAPPER.readTree(get(path).body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return builder;
    }
}
