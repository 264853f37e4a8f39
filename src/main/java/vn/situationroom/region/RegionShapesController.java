package vn.situationroom.region;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The communes' shapes for the maps of the signed-in screens, fetched by the map element itself instead of travelling
 * in every screen's first answer: at a country's 3,321 communes the shapes are 1.1 MB, which each open screen's
 * session would otherwise hold as its last answer. The browser keeps them (revalidated by their ETag), so a wall
 * reloaded, or a second screen of the same computer, does not fetch them again.
 */
@RestController
class RegionShapesController {

    private final Region region;
    private final Map<String, String> etags = new ConcurrentHashMap<>();

    RegionShapesController(Region region) {
        this.region = region;
    }

    /** The region's shapes, or one province's or district's with {@code ?unit=<code>}. */
    @GetMapping(path = "/" + Region.SHAPES_PATH, produces = "application/geo+json")
    ResponseEntity<String> shapes(@RequestParam(name = "unit", required = false) String unit, WebRequest request) {
        String shapes = unit == null || unit.isBlank()
                ? region.geoJson()
                : region.geoJson(unit.strip()).orElse(null);
        if (shapes == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("The region has no unit " + unit.strip() + ".");
        }
        String etag = etags.computeIfAbsent(unit == null ? "" : unit.strip(), key -> etag(shapes));
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ZERO).cachePrivate().mustRevalidate())
                .eTag(etag)
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .body(shapes);
    }

    private static String etag(String shapes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shapes.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
