package vn.situationroom;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import vn.situationroom.platform.Json;

/** A plain HTTP client of the app under test, as any REST client would be. */
public final class TestHttp {

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    public TestHttp(int port) {
        this.port = port;
    }

    /** Posts a body with a content type (UTF-8). */
    public HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", contentType + "; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts JSON. */
    public HttpResponse<String> postJson(String path, String json) throws Exception {
        return post(path, "application/json", json);
    }

    /** Gets JSON. */
    public JsonNode getJson(String path) throws Exception {
        return Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
